package vn.cungem.campaign.internal;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaign.UnitRef;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.text.VietnameseText;

/** SQL for campaigns and their child rows. The child rows of a campaign are replaced as a whole on each save. */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;
    private final CampaignChildRows children;
    private final UnitLookup units;

    CampaignRepository(JdbcClient jdbc, CampaignChildRows children, UnitLookup units) {
        this.jdbc = jdbc;
        this.children = children;
        this.units = units;
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
        children.insert(id, spec);
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
        children.delete(id);
        children.insert(id, spec);
        return true;
    }

    public boolean changeStatus(long id, CampaignStatus from, CampaignStatus to) {
        return jdbc.sql(
                                "update campaign set status = ?, updated_at = ?, version = version + 1 where id = ? and status = ?")
                        .params(to.name(), OffsetDateTime.now(), id, from.name())
                        .update()
                == 1;
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
        List<UnitRef> participating = children.units(id);
        CampaignSpec spec = new CampaignSpec(
                r.code(),
                r.name(),
                r.description(),
                r.unitId(),
                participating.stream().map(UnitRef::id).sorted().toList(),
                splitLevels(r.levels()),
                children.itemTypes(id),
                children.phases(id),
                children.categories(id),
                children.requirements(id),
                children.milestones(id));
        return Optional.of(new Campaign(
                r.id(), r.status(), r.version(), spec, units.unit(r.unitId()).orElseThrow(), participating));
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
