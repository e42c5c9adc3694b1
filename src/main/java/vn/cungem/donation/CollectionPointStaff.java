package vn.cungem.donation;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.TeamMembership;

/**
 * Issue 13: the partner organisations and volunteer teams that staff a collection point. Their members receive goods
 * there and at no other point; the point's managers assign and remove them.
 */
@Service
@Transactional(readOnly = true)
public class CollectionPointStaff {

    public static final String ENTITY = "collection_point_staff";

    /** One assignment: exactly one of {@code partnerId} and {@code teamId}. */
    public record Assignment(long id, long pointId, Long partnerId, Long teamId) {}

    private final JdbcClient jdbc;
    private final CollectionPoints points;
    private final ObjectProvider<TeamMembership> teams;
    private final ApplicationEventPublisher events;

    CollectionPointStaff(
            JdbcClient jdbc,
            CollectionPoints points,
            ObjectProvider<TeamMembership> teams,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.points = points;
        this.teams = teams;
        this.events = events;
    }

    public List<Assignment> list(long campaignId, long pointId, Caller caller) {
        points.get(campaignId, pointId, caller);
        return jdbc.sql("""
                        select id, collection_point_id, partner_id, volunteer_team_id from collection_point_staff
                         where collection_point_id = ? order by id""")
                .param(pointId)
                .query((rs, n) -> new Assignment(
                        rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class)))
                .list();
    }

    /** Assigns a partner or a team (exactly one); assigning one already there returns that assignment. */
    @Transactional
    public Assignment assign(long campaignId, long pointId, Long partnerId, Long teamId, Caller caller) {
        CollectionPoint point = points.get(campaignId, pointId, caller);
        if ((partnerId == null) == (teamId == null)) {
            throw InvalidValueException.of("point.staff.one", "point.staff.error.one");
        }
        if (partnerId != null
                && jdbc.sql("select count(*) from org_partner where id = ? and retired_on is null")
                                .param(partnerId)
                                .query(Long.class)
                                .single()
                        == 0) {
            throw InvalidValueException.of("point.staff.partner", "point.staff.error.partner");
        }
        if (teamId != null) {
            TeamMembership membership = teams.getIfAvailable();
            if (membership == null || membership.unitOfTeam(teamId).isEmpty()) {
                throw InvalidValueException.of("point.staff.team", "point.staff.error.team");
            }
        }
        Optional<Assignment> existing = list(campaignId, pointId, caller).stream()
                .filter(a -> partnerId != null ? partnerId.equals(a.partnerId()) : teamId.equals(a.teamId()))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                        insert into collection_point_staff (collection_point_id, partner_id, volunteer_team_id,
                                                            created_at) values (?, ?, ?, ?)""").params(pointId, partnerId, teamId, OffsetDateTime.now()).update();
        Assignment saved = list(campaignId, pointId, caller).stream()
                .filter(a -> partnerId != null ? partnerId.equals(a.partnerId()) : teamId.equals(a.teamId()))
                .findFirst()
                .orElseThrow();
        events.publishEvent(DomainChange.created(ENTITY, saved.id(), point.unitId(), fields(saved)));
        return saved;
    }

    @Transactional
    public void remove(long campaignId, long pointId, long assignmentId, Caller caller) {
        CollectionPoint point = points.get(campaignId, pointId, caller);
        Assignment a = list(campaignId, pointId, caller).stream()
                .filter(x -> x.id() == assignmentId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ENTITY, assignmentId));
        jdbc.sql("delete from collection_point_staff where id = ?")
                .param(a.id())
                .update();
        events.publishEvent(
                new DomainChange(ENTITY, String.valueOf(a.id()), "DELETED", point.unitId(), fields(a), Map.of(), null));
    }

    private static Map<String, Object> fields(Assignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collectionPointId", a.pointId());
        m.put("partnerId", a.partnerId());
        m.put("teamId", a.teamId());
        return m;
    }
}
