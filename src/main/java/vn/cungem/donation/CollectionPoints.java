package vn.cungem.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.Money;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

/**
 * Collection points of a campaign (003: donation boxes at every school). Managers whose scope covers the point's unit
 * keep them; anyone may see the active ones of an active campaign when pledging.
 */
@Service
@Transactional(readOnly = true)
public class CollectionPoints {

    public static final String ENTITY = "collection_point";
    public static final int PAGE_SIZE = 50;

    private static final String SELECT = """
            select p.id, p.campaign_id, p.name, p.unit_id, u.name unit_name, p.school_id, s.name school_name, p.address,
                   p.opening_hours, p.active, p.version
              from collection_point p join org_unit u on u.id = p.unit_id
              left join org_school s on s.id = p.school_id
            """;

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final ApplicationEventPublisher events;

    CollectionPoints(JdbcClient jdbc, Campaigns campaigns, UnitScopes scopes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.events = events;
    }

    /** The points of a campaign the caller manages, a page at a time, with pledged and received counts. */
    public List<PointProgress> list(long campaignId, Caller caller, int page) {
        Campaign campaign = requireManagerOf(campaignId, caller);
        String filter = campaigns.canEdit(campaign, caller) ? "1=1" : scopes.unitFilter(caller, "p.unit_id");
        List<CollectionPoint> points = jdbc.sql(
                        SELECT + " where p.campaign_id = ? and " + filter + " order by p.name, p.id limit ? offset ?")
                .params(campaignId, PAGE_SIZE + 1, (long) Math.max(0, page) * PAGE_SIZE)
                .query(CollectionPoints::point)
                .list();
        if (points.isEmpty()) {
            return List.of();
        }
        String ids = points.stream().map(p -> Long.toString(p.id())).collect(Collectors.joining(","));
        Map<Long, Map<ItemType, Long>> pledged = byType("""
                select p.collection_point_id, l.item_type, sum(l.quantity) from pledge_line l
                  join pledge p on p.id = l.pledge_id
                 where p.status <> 'CANCELLED' and p.collection_point_id in (%s)
                 group by p.collection_point_id, l.item_type""".formatted(ids));
        Map<Long, Map<ItemType, Long>> received = byType("""
                select r.collection_point_id, l.item_type, sum(l.quantity) from receipt_line l
                  join receipt r on r.id = l.receipt_id
                 where r.collection_point_id in (%s)
                 group by r.collection_point_id, l.item_type""".formatted(ids));
        Map<Long, long[]> cash = new HashMap<>();
        jdbc.sql("""
                        select collection_point_id, coalesce(sum(cash_amount_vnd), 0),
                               sum(case when status in ('PLEDGED', 'PARTLY_RECEIVED') then 1 else 0 end)
                          from pledge where status <> 'CANCELLED' and collection_point_id in (%s)
                         group by collection_point_id""".formatted(ids))
                .query((rs, n) -> cash.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        List<PointProgress> out = new ArrayList<>();
        for (CollectionPoint p : points) {
            long[] c = cash.getOrDefault(p.id(), new long[2]);
            out.add(new PointProgress(
                    p,
                    pledged.getOrDefault(p.id(), Map.of()),
                    received.getOrDefault(p.id(), Map.of()),
                    Money.vnd(c[0]),
                    c[1]));
        }
        return out;
    }

    /** Active points of an active campaign, for the public pledge form. */
    public List<CollectionPoint> openForPledges(long campaignId) {
        return jdbc.sql(SELECT + " where p.campaign_id = ? and p.active = true order by p.name, p.id limit 2000")
                .param(campaignId)
                .query(CollectionPoints::point)
                .list();
    }

    public Optional<CollectionPoint> find(long pointId) {
        return jdbc.sql(SELECT + " where p.id = ?")
                .param(pointId)
                .query(CollectionPoints::point)
                .optional();
    }

    /**
     * The names of the points, by id, in one query (a page of items or places names tens of points); ids that are no
     * point are left out.
     */
    public Map<Long, String> names(java.util.Collection<Long> pointIds) {
        List<Long> ids =
                pointIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select p.id, p.name from collection_point p where p.id in ("
                        + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
                .list();
        return names;
    }

    /** A point the caller manages; 404 for one outside their scope. */
    public CollectionPoint get(long campaignId, long pointId, Caller caller) {
        Campaign campaign = requireManagerOf(campaignId, caller);
        CollectionPoint point = find(pointId)
                .filter(p -> p.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException(ENTITY, pointId));
        if (!campaigns.canEdit(campaign, caller)) {
            scopes.requireCovers(caller, point.unitId(), ENTITY, pointId);
        }
        return point;
    }

    @Transactional
    public CollectionPoint create(long campaignId, CollectionPointForm form, Caller caller) {
        Campaign campaign = requireManagerOf(campaignId, caller);
        long unitId = placeOf(campaign, form, caller);
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        List<Object> params = new ArrayList<>(List.of(campaignId));
        params.addAll(values(form, unitId, now, now));
        jdbc.sql("""
                        insert into collection_point (campaign_id, name, unit_id, school_id, address, opening_hours,
                          active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(params).update(keys, "id");
        CollectionPoint saved = find(keys.getKey().longValue()).orElseThrow();
        events.publishEvent(DomainChange.created(ENTITY, saved.id(), unitId, fields(saved)));
        return saved;
    }

    @Transactional
    public CollectionPoint update(long campaignId, long pointId, CollectionPointForm form, Caller caller) {
        CollectionPoint before = get(campaignId, pointId, caller);
        Campaign campaign = campaigns.get(campaignId, caller);
        long unitId = placeOf(campaign, form, caller);
        int changed = jdbc.sql("""
                        update collection_point set name = ?, unit_id = ?, school_id = ?, address = ?,
                          opening_hours = ?, active = ?, updated_at = ?, version = version + 1
                         where id = ? and version = ?""")
                .params(values(
                        form,
                        unitId,
                        OffsetDateTime.now(),
                        pointId,
                        form.version() == null ? before.version() : form.version()))
                .update();
        if (changed == 0) {
            throw ConflictException.of("point.version", "donation.error.point.version");
        }
        CollectionPoint after = find(pointId).orElseThrow();
        events.publishEvent(DomainChange.updated(ENTITY, pointId, unitId, fields(before), fields(after), null));
        return after;
    }

    /** The campaign when the caller is a manager who may see it; otherwise 404 (nothing revealed). */
    Campaign requireManagerOf(long campaignId, Caller caller) {
        if (!Campaigns.canManage(caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        return campaigns.get(campaignId, caller);
    }

    private long placeOf(Campaign campaign, CollectionPointForm form, Caller caller) {
        List<FieldProblem> problems = new ArrayList<>(form.problems());
        Long unitId = form.unitId();
        if (form.schoolId() != null) {
            Optional<Long> schoolUnit = jdbc.sql("select unit_id from org_school where id = ?")
                    .param(form.schoolId())
                    .query(Long.class)
                    .optional();
            if (schoolUnit.isEmpty()) {
                problems.add(
                        FieldProblem.of("schoolId", "point.school.unknown", "donation.error.point.school.unknown"));
            } else {
                unitId = schoolUnit.get();
            }
        }
        if (unitId != null) {
            boolean inCampaign = scopes.isWithin(unitId, campaign.spec().organisingUnitId());
            if (!inCampaign || !scopes.covers(caller, unitId)) {
                problems.add(FieldProblem.of("unitId", "point.unit.scope", "donation.error.point.unit.scope"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DonationInvalidException(problems);
        }
        return unitId;
    }

    /** The form's columns in the order both statements name them, then {@code rest}. */
    private static List<Object> values(CollectionPointForm form, long unitId, Object... rest) {
        List<Object> values = new ArrayList<>(Arrays.asList(
                VietnameseText.tidy(form.name()),
                unitId,
                form.schoolId(),
                VietnameseText.tidy(form.address()),
                VietnameseText.tidy(form.openingHours()),
                form.active() == null || form.active()));
        values.addAll(Arrays.asList(rest));
        return values;
    }

    private static Map<String, Object> fields(CollectionPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("unitId", p.unitId());
        m.put("schoolId", p.schoolId());
        m.put("address", p.address());
        m.put("openingHours", p.openingHours());
        m.put("active", p.active());
        return m;
    }

    private Map<Long, Map<ItemType, Long>> byType(String sql) {
        Map<Long, Map<ItemType, Long>> out = new HashMap<>();
        jdbc.sql(sql)
                .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(ItemType.class))
                        .put(ItemType.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
        return out;
    }

    static CollectionPoint point(ResultSet rs, int n) throws SQLException {
        return new CollectionPoint(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("name"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getObject("school_id", Long.class),
                rs.getString("school_name"),
                rs.getString("address"),
                rs.getString("opening_hours"),
                rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
