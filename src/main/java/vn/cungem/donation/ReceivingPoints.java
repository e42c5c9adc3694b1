package vn.cungem.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.Receipts.Point;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/** Where a caller may receive goods: 004, officers at the point, volunteers of the area, or the school's own officer. */
@Component
class ReceivingPoints {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final UnitDirectory units;

    ReceivingPoints(JdbcClient jdbc, Campaigns campaigns, UnitScopes scopes, UnitDirectory units) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.units = units;
    }

    /** The same 404 as a missing campaign when the caller may not see it. */
    void requireCampaign(long campaignId, Caller caller) {
        if (!campaigns.isVisible(campaignId, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
    }

    Point point(long campaignId, long pointId, Caller caller) {
        requireCampaign(campaignId, caller);
        Point p = jdbc.sql("""
                        select p.id, p.name, p.unit_id, p.school_id, p.address
                          from collection_point p
                         where p.id = ? and p.campaign_id = ?""")
                .params(pointId, campaignId)
                .query(ReceivingPoints::pointWithoutUnitName)
                .optional()
                .map(found -> withUnitNames(List.of(found)).get(0))
                .orElseThrow(() -> new NotFoundException("collection_point", pointId));
        if (!mayReceiveAt(caller, p)) {
            throw new NotFoundException("collection_point", pointId);
        }
        return p;
    }

    private static Point pointWithoutUnitName(ResultSet rs, int n) throws SQLException {
        return new Point(
                rs.getLong(1), rs.getString(2), rs.getLong(3), null, rs.getObject(4, Long.class), rs.getString(5));
    }

    /** Unit names come from the organisation module's API, not from its table. */
    List<Point> withUnitNames(List<Point> points) {
        Map<Long, String> names = units.names(points.stream().map(Point::unitId).toList());
        return points.stream()
                .map(p -> new Point(
                        p.id(), p.name(), p.unitId(), names.getOrDefault(p.unitId(), ""), p.schoolId(), p.address()))
                .toList();
    }

    /** Active collection points of the campaign where the caller may receive goods. */
    List<Point> pointsFor(long campaignId, Caller caller) {
        requireCampaign(campaignId, caller);
        return withUnitNames(jdbc.sql("""
                        select p.id, p.name, p.unit_id, p.school_id, p.address
                          from collection_point p
                         where p.campaign_id = ? and p.active = true and (""" + pointFilter(caller, "p") + """
                        ) order by p.name fetch first 200 rows only""")
                .param(campaignId)
                .query(ReceivingPoints::pointWithoutUnitName)
                .list());
    }

    /** 004: officers at the point, volunteers of the area, or the school's own officer receive goods. */
    boolean mayReceiveAt(Caller caller, Point p) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.covers(caller, p.unitId());
        }
        return caller.is(Role.SCHOOL_OFFICER)
                && caller.scope().kind() == Scope.Kind.SCHOOL
                && p.schoolId() != null
                && p.schoolId().equals(caller.scope().schoolId());
    }

    String pointFilter(Caller caller, String alias) {
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.unitFilter(caller, alias + ".unit_id");
        }
        if (caller.is(Role.SCHOOL_OFFICER) && caller.scope().schoolId() != null) {
            return alias + ".school_id = " + Long.valueOf(caller.scope().schoolId());
        }
        return "1=0";
    }
}
