package vn.cungem.inventory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import vn.cungem.demo.generator.Scale;
import vn.cungem.demo.generator.SyntheticData;
import vn.cungem.demo.generator.SyntheticInventory;
import vn.cungem.demo.generator.SyntheticStudents;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.PageBenchmark;
import vn.cungem.testsupport.TestFixtures;

/**
 * The inventory at national scale (issues 13 and 15): p50/p95 of every inventory list page, filter and count (the
 * campaign's item list by status, type and place, deep pages, the workshop queue, a place's stock, a school's devices,
 * the SIM list) through the API and the HTML pages, as an administrator, a province manager and a school officer, on
 * the generator's 300,000 items. Loads them first when the database has no campaign that large. Not a timed
 * assertion: run it on purpose against its own PostgreSQL database,
 *
 * <pre>CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_invscale CUNGEM_TEST_DB_USER=postgres \
 * ./mvnw -q -o test -Dtest=InventoryBenchmark -Dbench=true</pre>
 *
 * {@code -Dbench.only=HTML} measures only the page lines. Requests go through the whole Spring MVC stack by MockMvc,
 * without a socket, with the template cache on as in production ({@link PageBenchmark}). See docs/benchmarks.md,
 * "Inventory at national scale".
 */
@IntegrationTest
@TestPropertySource(properties = "spring.thymeleaf.cache=true")
class InventoryBenchmark {

    private PageBenchmark bench;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    SyntheticData synthetic;

    @Autowired
    SyntheticStudents students;

    @Autowired
    SyntheticInventory inventory;

    @Autowired
    VolunteerTeams teams;

    @Test
    void inventoryListsAtNationalScale() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long campaign = nationalCampaign();
        long size = one("select count(*) from inventory_item where campaign_id = ?", campaign);
        long province = one("""
                        select t.unit_id from inventory_tally t join org_unit u on u.id = t.unit_id
                        where t.campaign_id = ? and u.parent_id in (select id from org_unit where parent_id is null)
                        group by t.unit_id order by sum(t.items) desc fetch first 1 rows only""", campaign);
        long workshop = one("""
                        select p.id from inventory_place p where p.kind = 'WORKSHOP' and p.unit_id = ?
                        order by p.id fetch first 1 rows only""", province);
        long school = one("""
                        select p.id from inventory_place p join inventory_item i on i.place_id = p.id
                        where p.kind = 'SCHOOL' and i.campaign_id = ?
                        group by p.id order by count(*) desc, p.id fetch first 1 rows only""", campaign);
        long schoolId = one("select school_id from inventory_place where id = ?", school);
        long schoolUnit = one("select unit_id from inventory_place where id = ?", school);
        long deep = one(
                "select id from inventory_item where campaign_id = ? order by id desc offset 250000 rows"
                        + " fetch first 1 rows only",
                campaign);
        long deepSim = one(
                "select id from inventory_connection where campaign_id = ? order by id desc offset 50000 rows"
                        + " fetch first 1 rows only",
                campaign);
        AccountDetails admin = fixtures.admin();
        AccountDetails manager = fixtures.manager(province);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, schoolUnit, schoolId, null);
        long nationalTeam = teams.create(admin.caller(), TestFixtures.unique("Đội toàn quốc "), rootOf(province))
                .id();
        long provinceTeam = teams.create(admin.caller(), TestFixtures.unique("Đội tỉnh "), province)
                .id();
        System.out.printf(
                "campaign %d: %,d items; province %d (manager), workshop place %d, school place %d%n",
                campaign, size, province, workshop, school);
        bench = new PageBenchmark(mvc, jdbc);
        bench.header();
        String api = "/api/v1/campaigns/" + campaign + "/inventory/items";
        String page = "/campaigns/" + campaign + "/inventory";
        measure("API item list, first page, admin", get(api).with(user(admin)));
        measure(
                "API item list at row 250,000, admin",
                get(api).param("after", "" + deep).with(user(admin)));
        measure(
                "API filter status=READY, admin",
                get(api).param("status", "READY").with(user(admin)));
        measure(
                "API filter status=LOST, type=DESKTOP_SET (rare), admin",
                get(api).param("status", "LOST").param("type", "DESKTOP_SET").with(user(admin)));
        measure(
                "API filter place=workshop, admin",
                get(api).param("place", "" + workshop).with(user(admin)));
        measure("API item list, first page, province manager", get(api).with(user(manager)));
        measure(
                "API filter status=NEEDS_REPAIR, type=LAPTOP, province manager",
                get(api).param("status", "NEEDS_REPAIR").param("type", "LAPTOP").with(user(manager)));
        measure("HTML item list, first page, admin", get(page).with(user(admin)));
        measure(
                "HTML item list at row 250,000, admin",
                get(page).param("after", "" + deep).with(user(admin)));
        measure(
                "HTML filter status=READY, type=TABLET, admin",
                get(page).param("status", "READY").param("type", "TABLET").with(user(admin)));
        measure(
                "HTML filter place=workshop, admin",
                get(page).param("place", "" + workshop).with(user(admin)));
        measure("HTML item list, first page, province manager", get(page).with(user(manager)));
        measure("HTML workshop queue + counts, national team, admin", teamPage(nationalTeam, null, admin));
        measure("HTML workshop queue job=REPAIR, national team, admin", teamPage(nationalTeam, "REPAIR", admin));
        measure("HTML workshop queue + counts, province team, manager", teamPage(provinceTeam, null, manager));
        measure(
                "API workshop queue, province team, manager",
                get("/api/v1/volunteer/teams/" + provinceTeam + "/queue").with(user(manager)));
        measure(
                "HTML place stock (workshop), admin",
                get("/inventory/places/" + workshop).with(user(admin)));
        measure(
                "HTML place stock (school), admin",
                get("/inventory/places/" + school).with(user(admin)));
        measure(
                "HTML devices at school, school officer",
                get("/inventory/at-school").with(user(officer)));
        measure(
                "HTML SIM list, first page, admin",
                get("/inventory/connectivity").with(user(admin)));
        measure(
                "HTML SIM list at row 50,000, admin",
                get("/inventory/connectivity").param("after", "" + deepSim).with(user(admin)));
        measure(
                "HTML SIM list status=PROBLEM, operator=VIETTEL, admin",
                get("/inventory/connectivity")
                        .param("status", "PROBLEM")
                        .param("operator", "VIETTEL")
                        .with(user(admin)));
        measure(
                "HTML SIM list, province manager",
                get("/inventory/connectivity").with(user(manager)));
        measure(
                "API SIM list, campaign, admin",
                get("/api/v1/inventory/connectivity")
                        .param("campaignId", "" + campaign)
                        .with(user(admin)));
        measure(
                "HTML workshop page (repair cost roll-up), admin",
                get(page + "/workshop").with(user(admin)));
    }

    private static RequestBuilder teamPage(long team, String job, AccountDetails who) {
        var request = get("/volunteer/teams/" + team).with(user(who));
        return job == null ? request : request.param("job", job);
    }

    private long rootOf(long unit) {
        return one("select parent_id from org_unit where id = ?", unit);
    }

    private long nationalCampaign() {
        List<Long> found = jdbc.sql("""
                        select campaign_id from inventory_item group by campaign_id having count(*) >= 250000
                        order by campaign_id desc fetch first 1 rows only""").query(Long.class).list();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        long t = System.nanoTime();
        PageBenchmark.Nation nation = PageBenchmark.loadNation(synthetic);
        long campaign = students.createCampaign(nation.root()).campaignId();
        SyntheticInventory.Loaded loaded = inventory.load(
                2021L,
                Scale.NATIONAL.items,
                campaign,
                nation.nation(),
                nation.units().unitIds());
        System.out.printf(
                "loaded %,d items and %,d SIMs in %,d s%n",
                loaded.items(), loaded.connections(), (System.nanoTime() - t) / 1_000_000_000);
        return campaign;
    }

    private long one(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private void measure(String what, RequestBuilder request) throws Exception {
        bench.measure(what, request);
    }
}
