package vn.cungem.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
import vn.cungem.shared.security.TeamMembership;

/**
 * Where a caller may receive goods (004, issue 13): managers at any point their scope covers; collection staff at their
 * own point only: the officer of the point's school, and the members of a partner organisation or volunteer team
 * assigned to the point ({@code collection_point_staff}).
 */
@Component
class ReceivingPoints {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final UnitDirectory units;
    private final ObjectProvider<TeamMembership> teams;

    ReceivingPoints(
            JdbcClient jdbc,
            Campaigns campaigns,
            UnitScopes scopes,
            UnitDirectory units,
            ObjectProvider<TeamMembership> teams) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.units = units;
        this.teams = teams;
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

    /** The campaigns, newest first (at most 50), with an active point where the caller may receive goods. */
    List<Long> campaignsWithPointsFor(Caller caller) {
        return jdbc.sql("select distinct p.campaign_id from collection_point p where p.active = true and ("
                        + pointFilter(caller, "p") + ") order by p.campaign_id desc fetch first 50 rows only")
                .query(Long.class)
                .list();
    }

    /** Issue 13: managers at any point they cover; collection staff at their own point (see the class comment). */
    boolean mayReceiveAt(Caller caller, Point p) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER)) {
            return scopes.covers(caller, p.unitId());
        }
        if (caller.is(Role.SCHOOL_OFFICER)) {
            return caller.scope().kind() == Scope.Kind.SCHOOL
                    && p.schoolId() != null
                    && p.schoolId().equals(caller.scope().schoolId());
        }
        String staff = staffFilter(caller, "?");
        return staff != null
                && jdbc.sql("select count(*) from collection_point_staff s where " + staff)
                                .param(p.id())
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /**
     * The condition on {@code collection_point_staff s} that the point ({@code pointRef}, a column or a placeholder) is
     * staffed by the caller's partner organisation or volunteer team; null when the caller is neither.
     */
    private String staffFilter(Caller caller, String pointRef) {
        Optional<String> member = Optional.empty();
        if (caller.is(Role.PARTNER_USER) && caller.scope().partnerId() != null) {
            member = Optional.of("s.partner_id = " + Long.valueOf(caller.scope().partnerId()));
        } else if (caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            TeamMembership membership = teams.getIfAvailable();
            member = (membership == null ? Optional.<Long>empty() : membership.teamOf(caller))
                    .map(team -> "s.volunteer_team_id = " + Long.valueOf(team));
        }
        return member.map(m -> "s.collection_point_id = " + pointRef + " and " + m)
                .orElse(null);
    }

    String pointFilter(Caller caller, String alias) {
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER)) {
            return scopes.unitFilter(caller, alias + ".unit_id");
        }
        if (caller.is(Role.SCHOOL_OFFICER) && caller.scope().schoolId() != null) {
            return alias + ".school_id = " + Long.valueOf(caller.scope().schoolId());
        }
        String staff = staffFilter(caller, alias + ".id");
        return staff == null ? "1=0" : "exists (select 1 from collection_point_staff s where " + staff + ")";
    }
}
