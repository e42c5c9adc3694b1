package vn.cungem.campaign.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaign.UnitRef;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.CampaignSummary;
import vn.cungem.campaign.DeviceRequirement;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Milestone;
import vn.cungem.campaign.Phase;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.VietnameseText;

/** SQL for campaigns and their child rows. The child rows of a campaign are replaced as a whole on each save. */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which campaigns a caller sees, as a SQL condition on {@code c}: those organised in their subtree, those with a
     * participating unit in their subtree, and those whose area holds the caller's unit (a participating unit above
     * it, or the organiser above it when the campaign names no participating units). School and partner accounts see
     * only the campaigns whose area holds their unit. The unit id is set by the server, never user input.
     */
    public String visibleTo(Caller caller) {
        Scope scope = caller.scope();
        if (scope.isEverything()) {
            return "1=1";
        }
        if (scope.unitId() == null || scope.kind() == Scope.Kind.NONE) {
            return "1=0";
        }
        long unit = scope.unitId();
        String area = "exists (select 1 from campaign_unit cu join unit_closure uc on uc.ancestor_id = cu.unit_id"
                + " where cu.campaign_id = c.id and uc.descendant_id = " + unit + ")"
                + " or (not exists (select 1 from campaign_unit cu where cu.campaign_id = c.id)"
                + " and exists (select 1 from unit_closure uc where uc.ancestor_id = c.organising_unit_id"
                + " and uc.descendant_id = " + unit + "))";
        // A school sees the campaigns whose area takes in its unit. A unit's managers, and a partner organisation
        // working
        // in a unit (the Women's Union of a city), also see the campaigns run inside it: a city partner of a campaign
        // that lists the city's wards one by one.
        if (scope.kind() != Scope.Kind.UNIT && scope.kind() != Scope.Kind.PARTNER) {
            return "(" + area + ")";
        }
        return "(c.organising_unit_id in (select descendant_id from unit_closure where ancestor_id = " + unit + ")"
                + " or exists (select 1 from campaign_unit cu join unit_closure uc on uc.descendant_id = cu.unit_id"
                + " where cu.campaign_id = c.id and uc.ancestor_id = " + unit + ")"
                + " or " + area + ")";
    }

    public boolean isVisible(long id, Caller caller) {
        return jdbc.sql("select count(*) from campaign c where c.id = ? and " + visibleTo(caller))
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Ids of the campaigns in this status, newest first. */
    public List<Long> idsWithStatus(CampaignStatus status, int limit) {
        return jdbc.sql("select id from campaign where status = ? order by id desc limit ?")
                .params(status.name(), limit)
                .query(Long.class)
                .list();
    }

    public Optional<Long> idByCode(String code) {
        return jdbc.sql("select id from campaign where code = ?")
                .param(code)
                .query(Long.class)
                .optional();
    }

    public List<CampaignSummary> search(
            String foldedQuery, CampaignStatus status, Caller caller, int limit, long offset) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.name, c.status, u.name as unit_name,
                       (select min(p.starts_on) from campaign_phase p where p.campaign_id = c.id) as starts_on,
                       (select case when count(*) = count(p.ends_on) then max(p.ends_on) end
                          from campaign_phase p where p.campaign_id = c.id) as ends_on
                from campaign c join administrative_unit u on u.id = c.organising_unit_id
                where\s""");
        sql.append(visibleTo(caller));
        List<Object> params = new ArrayList<>();
        if (foldedQuery != null && !foldedQuery.isBlank()) {
            sql.append(" and (c.name_folded like ? escape '\\' or lower(c.code) like ? escape '\\')");
            String like = VietnameseText.likeContains(foldedQuery);
            params.add(like);
            params.add(like);
        }
        if (status != null) {
            sql.append(" and c.status = ?");
            params.add(status.name());
        }
        sql.append(" order by c.created_at desc, c.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new CampaignSummary(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        CampaignStatus.valueOf(rs.getString("status")),
                        rs.getString("unit_name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
    }

    public long insert(CampaignSpec spec, CampaignStatus status) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into campaign (code, name, name_folded, name_sort, description, organising_unit_id,
                                              status, eligible_levels, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        spec.code(),
                        spec.name(),
                        VietnameseText.fold(spec.name()),
                        VietnameseText.sortKey(spec.name()),
                        spec.description(),
                        spec.organisingUnitId(),
                        status.name(),
                        joinEnums(spec.eligibleLevels()),
                        now,
                        now)
                .update();
        long id = idByCode(spec.code()).orElseThrow();
        insertChildren(id, spec);
        return id;
    }

    /** Saves the spec when the row is still at {@code expectedVersion}; false when someone else saved first. */
    public boolean update(long id, CampaignSpec spec, int expectedVersion) {
        int rows = jdbc.sql("""
                        update campaign set name = ?, name_folded = ?, name_sort = ?, description = ?,
                               organising_unit_id = ?, eligible_levels = ?, updated_at = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(
                        spec.name(),
                        VietnameseText.fold(spec.name()),
                        VietnameseText.sortKey(spec.name()),
                        spec.description(),
                        spec.organisingUnitId(),
                        joinEnums(spec.eligibleLevels()),
                        OffsetDateTime.now(),
                        id,
                        expectedVersion)
                .update();
        if (rows == 0) {
            return false;
        }
        for (String table : List.of(
                "campaign_unit",
                "campaign_phase",
                "campaign_priority_category",
                "campaign_item_type",
                "campaign_device_requirement",
                "campaign_milestone")) {
            jdbc.sql("delete from " + table + " where campaign_id = ?")
                    .param(id)
                    .update();
        }
        insertChildren(id, spec);
        return true;
    }

    public boolean changeStatus(long id, CampaignStatus from, CampaignStatus to) {
        return jdbc.sql(
                                "update campaign set status = ?, updated_at = ?, version = version + 1 where id = ? and status = ?")
                        .params(to.name(), OffsetDateTime.now(), id, from.name())
                        .update()
                == 1;
    }

    private void insertChildren(long id, CampaignSpec spec) {
        for (Long unitId : spec.participatingUnitIds()) {
            jdbc.sql("insert into campaign_unit (campaign_id, unit_id) values (?, ?)")
                    .params(id, unitId)
                    .update();
        }
        int ordinal = 0;
        for (Phase p : spec.phases()) {
            jdbc.sql("""
                            insert into campaign_phase (campaign_id, ordinal, name, starts_on, ends_on, target_devices,
                                                        target_students, target_cash_vnd)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            id,
                            ordinal++,
                            p.name(),
                            p.startsOn(),
                            p.endsOn(),
                            p.targetDevices(),
                            p.targetStudents(),
                            p.targetCashVnd())
                    .update();
        }
        ordinal = 0;
        for (PriorityCategory c : spec.categories()) {
            jdbc.sql("""
                            insert into campaign_priority_category (campaign_id, code, name_vi, name_en, weight, ordinal)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(id, c.code(), c.nameVi(), c.nameEn(), c.weight(), ordinal++)
                    .update();
        }
        for (ItemType type : spec.itemTypes()) {
            jdbc.sql("insert into campaign_item_type (campaign_id, item_type) values (?, ?)")
                    .params(id, type.name())
                    .update();
        }
        ordinal = 0;
        for (DeviceRequirement r : spec.requirements()) {
            jdbc.sql("""
                            insert into campaign_device_requirement (campaign_id, item_type, text_vi, text_en, ordinal)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, r.itemType() == null ? null : r.itemType().name(), r.textVi(), r.textEn(), ordinal++)
                    .update();
        }
        ordinal = 0;
        for (Milestone m : spec.milestones()) {
            jdbc.sql("""
                            insert into campaign_milestone (campaign_id, starts_on, ends_on, title, ordinal)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, m.startsOn(), m.endsOn(), m.title(), ordinal++)
                    .update();
        }
    }

    public Optional<Campaign> load(long id) {
        record Row(
                long id,
                String code,
                String name,
                String description,
                long unitId,
                CampaignStatus status,
                String levels,
                int version) {}
        Optional<Row> row = jdbc.sql("select * from campaign where id = ?")
                .param(id)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getLong("organising_unit_id"),
                        CampaignStatus.valueOf(rs.getString("status")),
                        rs.getString("eligible_levels"),
                        rs.getInt("version")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        List<UnitRef> units = jdbc.sql("""
                        select u.id, u.code, u.name from campaign_unit cu join administrative_unit u on u.id = cu.unit_id
                        where cu.campaign_id = ? order by u.code""").param(id).query(this::unitRef).list();
        List<Phase> phases = jdbc.sql("select * from campaign_phase where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new Phase(
                        rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        (Integer) rs.getObject("target_devices", Integer.class),
                        (Integer) rs.getObject("target_students", Integer.class),
                        (Long) rs.getObject("target_cash_vnd", Long.class)))
                .list();
        List<PriorityCategory> categories = jdbc.sql(
                        "select * from campaign_priority_category where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new PriorityCategory(
                        rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"), rs.getInt("weight")))
                .list();
        List<ItemType> items = jdbc
                .sql("select item_type from campaign_item_type where campaign_id = ?")
                .param(id)
                .query(String.class)
                .list()
                .stream()
                .map(ItemType::valueOf)
                .sorted()
                .toList();
        List<DeviceRequirement> requirements = jdbc.sql(
                        "select * from campaign_device_requirement where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new DeviceRequirement(
                        rs.getString("item_type") == null ? null : ItemType.valueOf(rs.getString("item_type")),
                        rs.getString("text_vi"),
                        rs.getString("text_en")))
                .list();
        List<Milestone> milestones = jdbc.sql("select * from campaign_milestone where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new Milestone(
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("title")))
                .list();
        CampaignSpec spec = new CampaignSpec(
                r.code(),
                r.name(),
                r.description(),
                r.unitId(),
                units.stream().map(UnitRef::id).sorted().toList(),
                splitLevels(r.levels()),
                items,
                phases,
                categories,
                requirements,
                milestones);
        return Optional.of(new Campaign(
                r.id(), r.status(), r.version(), spec, unit(r.unitId()).orElseThrow(), units));
    }

    public Optional<UnitRef> unit(long id) {
        return jdbc.sql("select id, code, name from administrative_unit where id = ?")
                .param(id)
                .query(this::unitRef)
                .optional();
    }

    public Optional<UnitRef> unitByCode(String code) {
        return jdbc.sql("select id, code, name from administrative_unit where code = ?")
                .param(code)
                .query(this::unitRef)
                .optional();
    }

    public List<UnitRef> unitsByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String marks = codes.stream().map(c -> "?").collect(Collectors.joining(","));
        return jdbc.sql("select id, code, name from administrative_unit where code in (" + marks + ")")
                .params(new ArrayList<>(codes))
                .query(this::unitRef)
                .list();
    }

    /** The direct children of a unit that are still in service (e.g. the 34 wards of Thủ Đức). */
    public List<UnitRef> childUnits(long parentId) {
        return jdbc.sql(
                        "select id, code, name from administrative_unit where parent_id = ? and retired_on is null order by code")
                .param(parentId)
                .query(this::unitRef)
                .list();
    }

    /** Units in the caller's subtree whose code starts with, or folded name contains, the query; at most 20. */
    public List<UnitRef> searchUnits(String unitFilter, String query) {
        String folded = VietnameseText.fold(query);
        return jdbc.sql("select u.id, u.code, u.name from administrative_unit u where " + unitFilter
                        + " and u.retired_on is null and (u.code like ? escape '\\' or u.name_folded like ? escape '\\')"
                        + " order by u.code limit 20")
                .params(
                        query == null ? "%" : query.trim().replace("%", "\\%").replace("_", "\\_") + "%",
                        VietnameseText.likeContains(folded))
                .query(this::unitRef)
                .list();
    }

    public boolean isWithin(long unitId, long ancestorId) {
        return jdbc.sql("select count(*) from unit_closure where ancestor_id = ? and descendant_id = ?")
                        .params(ancestorId, unitId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private UnitRef unitRef(ResultSet rs, int n) throws SQLException {
        return new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"));
    }

    private static String joinEnums(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<SchoolLevel> splitLevels(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .map(SchoolLevel::valueOf)
                .sorted()
                .toList();
    }
}
