package vn.cungem.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.campaign.ItemType;
import vn.cungem.demo.generator.DataGenerator;
import vn.cungem.demo.generator.Scale;
import vn.cungem.demo.generator.SyntheticData;
import vn.cungem.demo.generator.SyntheticInventory;
import vn.cungem.demo.generator.SyntheticNation;
import vn.cungem.demo.generator.SyntheticStudents;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Lifecycle;
import vn.cungem.inventory.places.Transfer;
import vn.cungem.inventory.places.Transfers;
import vn.cungem.inventory.tally.ItemTallies;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The inventory at scale (issues 13 and 15), on a small generated campaign: the generator's items follow the lifecycle
 * and land where their state says; the list pages by keyset, with every filter, forward and back, and gives the same
 * rows as a plain query; the kept counts equal the ones recomputed from the rows after the load, moves and transfers.
 */
@IntegrationTest
class InventoryAtScaleIntegrationTests {

    private static final int ITEMS = 800;

    @Autowired
    SyntheticData synthetic;

    @Autowired
    SyntheticStudents students;

    @Autowired
    SyntheticInventory syntheticInventory;

    @Autowired
    Inventory inventory;

    @Autowired
    ItemTallies tallies;

    @Autowired
    ItemWork work;

    @Autowired
    Transfers transfers;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    WorkQueue queue;

    @Autowired
    vn.cungem.identity.VolunteerTeams teams;

    @Autowired
    vn.cungem.inventory.places.Places places;

    @Autowired
    JdbcClient jdbc;

    long campaign;
    long province;
    long root;
    Caller admin;

    @BeforeEach
    void load() {
        DataGenerator generator = new DataGenerator(11L, Scale.TINY, TestFixtures.unique("I"));
        SyntheticNation nation = generator.nation();
        SyntheticData.LoadResult units = synthetic.load(nation);
        root = units.unitIds().get(generator.rootCode());
        campaign = students.createCampaign(root).campaignId();
        SyntheticInventory.Loaded loaded = syntheticInventory.load(11L, ITEMS, campaign, nation, units.unitIds());
        assertThat(loaded.items()).isEqualTo(ITEMS);
        assertThat(loaded.connections()).isEqualTo(ITEMS / 5);
        province = units.unitIds().get(nation.units().get(1).code());
        admin = fixtures.admin().caller();
    }

    @Test
    void generatedItemsFollowTheLifecycleAndStandWhereTheirStateSays() {
        assertThat(count("select count(*) from inventory_item where campaign_id = ?"))
                .isEqualTo(ITEMS);
        assertThat(count("select count(distinct status) from inventory_item where campaign_id = ?"))
                .isGreaterThan(8);
        // one applied history line per move: the version counts them
        assertThat(count("""
                        select count(*) from inventory_item i where i.campaign_id = ? and i.version <>
                          (select count(*) from inventory_item_history h where h.item_id = i.id)""")).isZero();
        // never ready (or further) without a successful wipe
        assertThat(count("""
                        select count(*) from inventory_item i where i.campaign_id = ?
                          and i.status in ('WIPED', 'SOFTWARE_INSTALLED', 'READY', 'RESERVED', 'HANDED_OVER', 'RETURNED')
                          and not exists (select 1 from inventory_wipe w where w.item_id = i.id
                                          and w.result = 'SUCCEEDED')""")).isZero();
        assertThat(count("""
                        select count(*) from inventory_item i join inventory_place p on p.id = i.place_id
                        where i.campaign_id = ? and i.status in ('HANDED_OVER', 'RETURNED') and p.kind <> 'SCHOOL'""")).isZero();
        assertThat(count("""
                        select count(*) from inventory_item i join inventory_place p on p.id = i.place_id
                        where i.campaign_id = ? and i.status = 'RECEIVED' and p.kind <> 'COLLECTION_POINT'""")).isZero();
        assertThat(count("""
                        select count(*) from inventory_item i join inventory_place p on p.id = i.place_id
                        where i.campaign_id = ? and i.unit_id <> p.unit_id""")).isZero();
        assertThat(tallies.differences(campaign)).isEmpty();
    }

    @Test
    void everyGeneratedPathIsMadeOfTheLifecyclesMoves() {
        for (ItemStatus status : ItemStatus.values()) {
            for (boolean repaired : List.of(true, false)) {
                List<String[]> path = InventoryBulkLoad.path(status, repaired);
                String at = "RECEIVED";
                for (String[] step : path) {
                    assertThat(step[1]).as(status + " " + repaired).isEqualTo(at);
                    if (!step[1].equals(step[2])) {
                        assertThat(Lifecycle.moveBetween(ItemStatus.valueOf(step[1]), ItemStatus.valueOf(step[2])))
                                .as(status + ": " + step[1] + " -> " + step[2])
                                .isPresent();
                    }
                    at = step[2];
                }
                assertThat(at).isEqualTo(status.name());
            }
        }
    }

    @Test
    void keysetPagesWalkEveryFilterForwardAndBack() {
        long workshop = count("""
                select min(p.id) from inventory_place p join inventory_item i on i.place_id = p.id
                where i.campaign_id = ? and p.kind = 'WORKSHOP'""");
        Caller manager = fixtures.manager(province).caller();
        List<Inventory.ItemFilter> filters = List.of(
                Inventory.ItemFilter.NONE,
                new Inventory.ItemFilter("READY", null, null),
                new Inventory.ItemFilter(null, ItemType.LAPTOP, null),
                new Inventory.ItemFilter("HANDED_OVER", ItemType.TABLET, null),
                new Inventory.ItemFilter(null, null, workshop),
                new Inventory.ItemFilter("LOST", ItemType.DESKTOP_SET, workshop));
        for (Caller caller : List.of(admin, manager)) {
            for (Inventory.ItemFilter f : filters) {
                List<Long> expected = expected(f, caller == manager ? province : null);
                List<List<Long>> pages = new ArrayList<>();
                Inventory.ItemPage page = inventory.items(campaign, f, null, null, caller);
                assertThat(page.total()).as(f.toString()).isEqualTo(expected.size());
                assertThat(page.newer()).isNull();
                pages.add(ids(page));
                while (page.older() != null) {
                    page = inventory.items(campaign, f, page.older(), null, caller);
                    assertThat(page.items()).isNotEmpty();
                    pages.add(ids(page));
                }
                assertThat(pages.stream().flatMap(List::stream).toList())
                        .as(f + " forward")
                        .isEqualTo(expected);
                // and back again from the last page, page by page
                for (int k = pages.size() - 2; k >= 0; k--) {
                    page = inventory.items(campaign, f, null, page.newer(), caller);
                    assertThat(ids(page)).as(f + " back to page " + k).isEqualTo(pages.get(k));
                }
                assertThat(page.newer()).isNull();
            }
        }
        assertThat(expected(Inventory.ItemFilter.NONE, null)).hasSizeGreaterThan(3 * Inventory.PAGE_SIZE);
    }

    @Test
    void theWorkshopQueuePagesByKeysetWithTheTeamsWorkshopFirst() {
        // a team of the first province with its own workshop, holding a few devices sent there from another workshop
        long team = teams.create(admin, TestFixtures.unique("Đội "), province).id();
        long teamPlace = places.create(
                        new vn.cungem.inventory.places.Places.NewPlace(
                                vn.cungem.inventory.places.PlaceKind.WORKSHOP, "Xưởng của đội", null, team, null),
                        admin)
                .id();
        long from = count("""
                select min(p.id) from inventory_place p join inventory_item i on i.place_id = p.id
                where i.campaign_id = ? and p.kind = 'WORKSHOP' and i.status = 'NEEDS_REPAIR'""");
        List<String> tags = jdbc.sql("""
                        select tag from inventory_item where place_id = ? and status = 'NEEDS_REPAIR'
                        order by tag fetch first 3 rows only""").param(from).query(String.class).list();
        transfers.receive(
                transfers
                        .send(new Transfer.NewTransfer(from, teamPlace, tags, null), null, admin)
                        .id(),
                admin);

        List<Long> expected =
                jdbc.sql("""
                        select i.id from inventory_item i left join inventory_place p on p.id = i.place_id
                        where i.status in ('RECEIVED', 'RETURNED', 'IN_INSPECTION', 'NEEDS_REPAIR', 'IN_REPAIR',
                                           'WIPED', 'SOFTWARE_INSTALLED')
                          and i.transfer_id is null
                          and (i.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)
                               or p.volunteer_team_id = ?)
                        order by case when p.volunteer_team_id = ? then 0 else 1 end, i.id""").params(province, team, team).query(Long.class).list();
        assertThat(expected).hasSizeGreaterThan(2 * WorkQueue.PAGE_SIZE);
        assertThat(tags).isNotEmpty();
        List<Long> walked = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 100; pages++) {
            List<WorkQueue.Waiting> page = queue.queue(team, province, null, admin, after);
            page.forEach(w -> walked.add(w.itemId()));
            if (page.size() < WorkQueue.PAGE_SIZE) {
                break;
            }
            after = page.get(page.size() - 1).cursor();
        }
        assertThat(walked).isEqualTo(expected);
        assertThat(walked.subList(0, tags.size()))
                .allSatisfy(id -> assertThat(jdbc.sql("select place_id from inventory_item where id = ?")
                                .param(id)
                                .query(Long.class)
                                .single())
                        .isEqualTo(teamPlace));
        long waitingRepair = expected.stream()
                .filter(id -> List.of("NEEDS_REPAIR", "IN_REPAIR")
                        .contains(jdbc.sql("select status from inventory_item where id = ?")
                                .param(id)
                                .query(String.class)
                                .single()))
                .count();
        assertThat(queue.counts(team, province, admin).get(WorkQueue.Job.REPAIR))
                .isEqualTo(waitingRepair);
        // a cursor that is not one of ours starts from the beginning rather than failing
        assertThat(queue.queue(team, province, null, admin, "x'; drop").get(0).itemId())
                .isEqualTo(expected.get(0));
    }

    @Autowired
    vn.cungem.organisation.UnitDirectory units;

    /**
     * A commune moved under another province (organisation's move, as in the 2025 reorganisation) takes its items'
     * counts along, in the same transaction: the province it left no longer counts them, the one it joined does.
     */
    @Test
    void aCommuneMovedToAnotherProvinceTakesItsItemsCountsAlong() {
        record Moving(long unit, long parent) {}
        Moving commune = jdbc.sql("""
                        select i.unit_id, u.parent_id from inventory_item i join org_unit u on u.id = i.unit_id
                        where i.campaign_id = ? and u.level_code = 'commune' and u.parent_id is not null
                        group by i.unit_id, u.parent_id order by count(*) desc, i.unit_id fetch first 1 rows only""")
                .param(campaign)
                .query((rs, n) -> new Moving(rs.getLong(1), rs.getLong(2)))
                .single();
        long other = jdbc.sql("""
                        select o.id from org_unit o join org_unit p on p.id = ?
                        where o.level_code = p.level_code and o.parent_id = p.parent_id and o.id <> p.id
                        order by o.id fetch first 1 rows only""").param(commune.parent()).query(Long.class).single();
        long items = total(tallies.of(campaign, commune.unit()));
        assertThat(items).isPositive();
        long leftBefore = total(tallies.of(campaign, commune.parent()));
        long joinedBefore = total(tallies.of(campaign, other));

        units.move(commune.unit(), other, "Sáp nhập đơn vị hành chính", admin);

        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(total(tallies.of(campaign, commune.parent()))).isEqualTo(leftBefore - items);
        assertThat(total(tallies.of(campaign, other))).isEqualTo(joinedBefore + items);
        assertThat(total(tallies.of(campaign, commune.unit()))).isEqualTo(items);
    }

    @Autowired
    vn.cungem.organisation.SchoolDirectory schools;

    /**
     * A school moved to another commune takes its inventory place along, with the devices and connections kept there
     * and their kept counts: the commune it left no longer counts them.
     */
    @Test
    void aSchoolMovedToAnotherCommuneTakesItsPlaceAndItsDevicesAlong() {
        record AtSchool(long place, long school, long unit) {}
        AtSchool at = jdbc.sql("""
                        select p.id, p.school_id, p.unit_id from inventory_place p
                        join inventory_item i on i.place_id = p.id
                        where p.kind = 'SCHOOL' and i.campaign_id = ?
                        group by p.id, p.school_id, p.unit_id order by count(*) desc, p.id fetch first 1 rows only""")
                .param(campaign)
                .query((rs, n) -> new AtSchool(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
        long other = jdbc.sql("""
                        select o.id from org_unit o join org_unit u on u.id = ?
                        where o.level_code = u.level_code and o.id <> u.id
                          and o.id in (select descendant_id from org_unit_tree where ancestor_id = ?)
                        order by o.id fetch first 1 rows only""").params(at.unit(), root).query(Long.class).single();
        long there = jdbc.sql("select count(*) from inventory_item where place_id = ? and campaign_id = ?")
                .params(at.place(), campaign)
                .query(Long.class)
                .single();
        long leftBefore = total(tallies.of(campaign, at.unit()));
        long joinedBefore = total(tallies.of(campaign, other));

        schools.move(at.school(), other, "Trường về xã mới", admin);

        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(total(tallies.of(campaign, at.unit()))).isEqualTo(leftBefore - there);
        assertThat(total(tallies.of(campaign, other))).isEqualTo(joinedBefore + there);
        assertThat(jdbc.sql("select unit_id from inventory_place where id = ?")
                        .param(at.place())
                        .query(Long.class)
                        .single())
                .isEqualTo(other);
        assertThat(jdbc.sql("select count(*) from inventory_item where place_id = ? and unit_id <> ?")
                        .params(at.place(), other)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static long total(Map<ItemTallies.Key, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void keptCountsFollowMovesAndTransfers() {
        String received = jdbc.sql("select min(tag) from inventory_item where campaign_id = ? and status = 'RECEIVED'")
                .param(campaign)
                .query(String.class)
                .single();
        work.move(received, ItemMove.START_INSPECTION, null, null, null, admin);
        assertThat(tallies.differences(campaign)).isEmpty();

        // from a workshop of one province to a school of the other
        record Place(long id, long unit) {}
        Place from = jdbc.sql("""
                        select p.id, p.unit_id from inventory_place p join inventory_item i on i.place_id = p.id
                        where i.campaign_id = ? and p.kind = 'WORKSHOP' and i.transfer_id is null
                        group by p.id, p.unit_id order by p.id fetch first 1 rows only""")
                .param(campaign)
                .query((rs, n) -> new Place(rs.getLong(1), rs.getLong(2)))
                .single();
        Place to = jdbc.sql("""
                        select p.id, p.unit_id from inventory_place p join inventory_item i on i.place_id = p.id
                        where i.campaign_id = ? and p.kind = 'SCHOOL' and p.unit_id not in
                          (select descendant_id from org_unit_tree where ancestor_id = ?)
                        order by p.id fetch first 1 rows only""")
                .params(campaign, from.unit())
                .query((rs, n) -> new Place(rs.getLong(1), rs.getLong(2)))
                .single();
        List<String> tags =
                jdbc.sql("""
                        select tag from inventory_item where place_id = ? and campaign_id = ? and status = 'READY'
                        order by tag fetch first 3 rows only""").params(from.id(), campaign).query(String.class).list();
        assertThat(tags).isNotEmpty();
        Map<ItemTallies.Key, Long> before = tallies.of(campaign, to.unit());
        long readyBefore = ready(before);
        Transfer sent = transfers.send(new Transfer.NewTransfer(from.id(), to.id(), tags, null), null, admin);
        transfers.receive(sent.id(), admin);

        assertThat(tallies.differences(campaign)).isEmpty();
        assertThat(ready(tallies.of(campaign, to.unit()))).isEqualTo(readyBefore + tags.size());
        assertThat(inventory
                        .items(campaign, new Inventory.ItemFilter("READY", null, to.id()), null, null, admin)
                        .total())
                .isEqualTo(tags.size());
    }

    private static long ready(Map<ItemTallies.Key, Long> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().status().equals("READY"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private List<Long> expected(Inventory.ItemFilter f, Long unit) {
        StringBuilder sql = new StringBuilder("select i.id from inventory_item i where i.campaign_id = ?");
        List<Object> params = new ArrayList<>(List.of(campaign));
        if (f.status() != null) {
            sql.append(" and i.status = ?");
            params.add(f.status());
        }
        if (f.type() != null) {
            sql.append(" and i.item_type = ?");
            params.add(f.type().name());
        }
        if (f.placeId() != null) {
            sql.append(" and i.place_id = ?");
            params.add(f.placeId());
        }
        if (unit != null) {
            sql.append(" and i.unit_id in (select descendant_id from org_unit_tree where ancestor_id = ?)");
            params.add(unit);
        }
        List<Long> ids = new ArrayList<>(
                jdbc.sql(sql.toString()).params(params).query(Long.class).list());
        ids.sort(Collections.reverseOrder());
        return ids;
    }

    private static List<Long> ids(Inventory.ItemPage page) {
        return page.items().stream().map(Inventory.Item::id).toList();
    }

    private long count(String sql) {
        Long n = jdbc.sql(sql).param(campaign).query(Long.class).single();
        return n == null ? 0 : n;
    }
}
