package vn.cungem.inventory.places;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.TeamMembership;
import vn.cungem.shared.text.VietnameseText;

/**
 * The places items stand at. A collection point's place is made the first time goods arrive there; workshops and
 * schools are added by the managers of their unit.
 */
@Service
@Transactional(readOnly = true)
public class Places {

    public static final String ENTITY = "inventory_place";
    static final int LIST_LIMIT = 200;

    private static final String SELECT = """
            select p.id, p.kind, coalesce(p.name, s.name), p.collection_point_id, p.school_id, p.point_school_id,
                   p.volunteer_team_id, p.unit_id
              from inventory_place p left join org_school s on s.id = p.school_id
            """;

    /** A workshop (name, unit or team) or a school (its id); what the API and the page post. */
    public record NewPlace(PlaceKind kind, String name, Long unitId, Long teamId, Long schoolId) {}

    private final JdbcClient jdbc;
    private final PlaceAccess access;
    private final CollectionPoints points;
    private final UnitDirectory units;
    private final ObjectProvider<TeamMembership> teams;
    private final ApplicationEventPublisher events;

    Places(
            JdbcClient jdbc,
            PlaceAccess access,
            CollectionPoints points,
            UnitDirectory units,
            ObjectProvider<TeamMembership> teams,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.points = points;
        this.units = units;
        this.teams = teams;
        this.events = events;
    }

    /** The place of a collection point, made on first use; the point's host school is copied in for its officer. */
    @Transactional
    public long forPoint(long pointId) {
        CollectionPoint point =
                points.find(pointId).orElseThrow(() -> new NotFoundException("collection_point", pointId));
        Optional<Long> existing = jdbc.sql("select id from inventory_place where collection_point_id = ?")
                .param(pointId)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("update inventory_place set point_school_id = ? where id = ? and point_school_id is null")
                    .params(point.schoolId(), existing.get())
                    .update();
            return existing.get();
        }
        return insert(PlaceKind.COLLECTION_POINT, null, pointId, null, point.schoolId(), null, point.unitId());
    }

    @Transactional
    public Place create(NewPlace in, Caller caller) {
        if (in == null || in.kind() == null || in.kind() == PlaceKind.COLLECTION_POINT) {
            throw InvalidValueException.of("place.kind", "place.error.kind");
        }
        if (in.kind() == PlaceKind.SCHOOL) {
            return createSchool(in.schoolId(), caller);
        }
        String name = VietnameseText.tidy(in.name());
        if (name == null || name.isBlank() || name.length() > 200) {
            throw InvalidValueException.of("place.name", "place.error.name");
        }
        Long unitId = in.unitId();
        if (in.teamId() != null) {
            TeamMembership membership = teams.getIfAvailable();
            Optional<Long> teamUnit = membership == null ? Optional.empty() : membership.unitOfTeam(in.teamId());
            if (teamUnit.isEmpty()) {
                throw InvalidValueException.of("place.team", "place.error.team");
            }
            unitId = unitId == null ? teamUnit.get() : unitId;
        }
        if (unitId == null || units.find(unitId).isEmpty() || !access.mayManage(caller, unitId)) {
            throw InvalidValueException.of("place.unit", "place.error.unit");
        }
        if (in.teamId() != null
                && jdbc.sql("select count(*) from inventory_place where volunteer_team_id = ?")
                                .param(in.teamId())
                                .query(Long.class)
                                .single()
                        > 0) {
            throw InvalidValueException.of("place.team-taken", "place.error.team-taken");
        }
        return audited(insert(PlaceKind.WORKSHOP, name, null, null, null, in.teamId(), unitId));
    }

    private Place createSchool(Long schoolId, Caller caller) {
        Optional<Long> unit = schoolId == null
                ? Optional.empty()
                : jdbc.sql("select unit_id from org_school where id = ? and retired_on is null")
                        .param(schoolId)
                        .query(Long.class)
                        .optional();
        if (unit.isEmpty()) {
            throw InvalidValueException.of("place.school", "place.error.school");
        }
        if (!access.mayManage(caller, unit.get())) {
            throw InvalidValueException.of("place.unit", "place.error.unit");
        }
        Optional<Long> existing = jdbc.sql("select id from inventory_place where school_id = ?")
                .param(schoolId)
                .query(Long.class)
                .optional();
        return existing.isPresent()
                ? get(existing.get(), caller)
                : audited(insert(PlaceKind.SCHOOL, null, null, schoolId, null, null, unit.get()));
    }

    private long insert(
            PlaceKind kind, String name, Long pointId, Long schoolId, Long pointSchoolId, Long teamId, long unitId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into inventory_place (kind, name, collection_point_id, school_id, point_school_id,
                                                     volunteer_team_id, unit_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(kind.name(), name, pointId, schoolId, pointSchoolId, teamId, unitId, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private Place audited(long id) {
        Place p = find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", p.kind().name());
        after.put("name", p.name());
        after.put("schoolId", p.schoolId());
        after.put("teamId", p.teamId());
        events.publishEvent(DomainChange.created(ENTITY, id, p.unitId(), after));
        return p;
    }

    /** The place when the caller may use it; otherwise the same 404 as a missing one. */
    public Place get(long id, Caller caller) {
        return find(id).filter(p -> access.mayUse(caller, p)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** Whether the caller may use the place; a question, not a check that throws (and marks a transaction). */
    public boolean mayUse(Place place, Caller caller) {
        return access.mayUse(caller, place);
    }

    /** Without a scope check, for work the system does itself. */
    public Optional<Place> find(long id) {
        return named(SELECT + " where p.id = ?", id).stream().findFirst();
    }

    /** The places the caller may use, in the order they were made. */
    public List<Place> visible(Caller caller) {
        return named(SELECT + " where " + access.filter(caller, "p") + " order by p.id fetch first " + LIST_LIMIT
                + " rows only");
    }

    /**
     * Where the caller may send items: the places they may use, and the places of the units above theirs (a school's
     * officer sends to the district's workshop). The receiver's people confirm the arrival.
     */
    public List<Place> destinations(Caller caller) {
        return named(SELECT + " where " + destinationFilter(caller) + " order by p.id fetch first " + LIST_LIMIT
                + " rows only");
    }

    /** Whether the caller may send items to this place (see {@link #destinations}). */
    public boolean isDestination(long placeId, Caller caller) {
        return jdbc.sql("select count(*) from inventory_place p where p.id = ? and " + destinationFilter(caller))
                        .param(placeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private String destinationFilter(Caller caller) {
        Long unit = caller.scope().unitId();
        String above = unit == null
                ? ""
                : " or p.unit_id in (select ancestor_id from org_unit_tree where descendant_id = " + unit + ")";
        return "(" + access.filter(caller, "p") + above + ")";
    }

    private List<Place> named(String sql, Object... params) {
        List<Place> raw = jdbc.sql(sql)
                .params(List.of(params))
                .query((rs, n) -> new Place(
                        rs.getLong(1),
                        PlaceKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getObject(4, Long.class),
                        rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class),
                        rs.getObject(7, Long.class),
                        rs.getLong(8),
                        null))
                .list();
        Map<Long, String> unitNames =
                units.names(raw.stream().map(Place::unitId).toList());
        Map<Long, String> pointNames =
                points.names(raw.stream().map(Place::collectionPointId).toList());
        return raw.stream()
                .map(p -> new Place(
                        p.id(),
                        p.kind(),
                        p.collectionPointId() == null ? p.name() : pointNames.getOrDefault(p.collectionPointId(), ""),
                        p.collectionPointId(),
                        p.schoolId(),
                        p.pointSchoolId(),
                        p.teamId(),
                        p.unitId(),
                        unitNames.getOrDefault(p.unitId(), "")))
                .toList();
    }
}
