package vn.cungem.campaign.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.campaign.Campaign.UnitRef;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.DeviceRequirement;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Milestone;
import vn.cungem.campaign.Phase;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.MoneyColumns;

/** The rows a campaign owns beside its own: units, phases, categories, item types, requirements, milestones. */
@Repository
class CampaignChildRows {

    private static final List<String> TABLES = List.of(
            "campaign_unit",
            "campaign_phase",
            "campaign_priority_category",
            "campaign_item_type",
            "campaign_device_requirement",
            "campaign_milestone");

    private final JdbcClient jdbc;

    CampaignChildRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void delete(long id) {
        for (String table : TABLES) {
            jdbc.sql("delete from " + table + " where campaign_id = ?")
                    .param(id)
                    .update();
        }
    }

    void insert(long id, CampaignSpec spec) {
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
                            Money.vndOrNull(p.targetCashVnd()))
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

    /** The participating units with their codes and names, from organisation's published view. */
    List<UnitRef> units(long id) {
        return jdbc.sql("""
                        select u.id, u.code, u.name from campaign_unit cu join org_unit u on u.id = cu.unit_id
                        where cu.campaign_id = ? order by u.code""").param(id).query(UnitLookup::unitRef).list();
    }

    List<Phase> phases(long id) {
        return jdbc.sql("select * from campaign_phase where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new Phase(
                        rs.getString("name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        (Integer) rs.getObject("target_devices", Integer.class),
                        (Integer) rs.getObject("target_students", Integer.class),
                        MoneyColumns.nullableMoney(rs, "target_cash_vnd")))
                .list();
    }

    List<PriorityCategory> categories(long id) {
        return jdbc.sql("select * from campaign_priority_category where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new PriorityCategory(
                        rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"), rs.getInt("weight")))
                .list();
    }

    List<ItemType> itemTypes(long id) {
        return jdbc
                .sql("select item_type from campaign_item_type where campaign_id = ?")
                .param(id)
                .query(String.class)
                .list()
                .stream()
                .map(ItemType::valueOf)
                .sorted()
                .toList();
    }

    List<DeviceRequirement> requirements(long id) {
        return jdbc.sql("select * from campaign_device_requirement where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new DeviceRequirement(
                        rs.getString("item_type") == null ? null : ItemType.valueOf(rs.getString("item_type")),
                        rs.getString("text_vi"),
                        rs.getString("text_en")))
                .list();
    }

    List<Milestone> milestones(long id) {
        return jdbc.sql("select * from campaign_milestone where campaign_id = ? order by ordinal")
                .param(id)
                .query((rs, n) -> new Milestone(
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("title")))
                .list();
    }
}
