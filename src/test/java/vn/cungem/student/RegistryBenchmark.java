package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import vn.cungem.demo.generator.DataGenerator;
import vn.cungem.demo.generator.Scale;
import vn.cungem.demo.generator.SyntheticData;
import vn.cungem.demo.generator.SyntheticNation;
import vn.cungem.demo.generator.SyntheticStudents;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.student.internal.ListCursor;
import vn.cungem.student.internal.ListOrder;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The registry at national scale (issue 15): p95 of list pages (first, deep, filtered, each order), name search and
 * roll-ups through the API and the HTML pages, as an administrator and as a province manager, on a campaign of
 * 1,000,000 students in 40,000 schools. Loads that campaign with the generator first when the database has none.
 * Not a timed assertion: run it on purpose against its own PostgreSQL database,
 *
 * <pre>CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_national CUNGEM_TEST_DB_USER=postgres \
 * ./mvnw -q -o test -Dtest=RegistryBenchmark -Dbench=true</pre>
 *
 * {@code -Dbench.only=HTML} (or {@code API}) measures only the lines whose name starts so.
 *
 * Requests go through the whole Spring MVC stack (security, controllers, JSON and Thymeleaf) by MockMvc, without a
 * socket, with the template cache on as in production. See docs/benchmarks.md, "Needs registry at national scale".
 */
@IntegrationTest
// templates parsed once, as in production (application-prod.yml); the default profile re-reads them for development
@TestPropertySource(properties = "spring.thymeleaf.cache=true")
class RegistryBenchmark {

    private static final int RUNS = 40;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    SyntheticData synthetic;

    @Autowired
    SyntheticStudents syntheticStudents;

    @Test
    void listsSearchAndRollUpsAtNationalScale() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long campaign = nationalCampaign();
        long size = jdbc.sql("select count(*) from student where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        long district = jdbc.sql("""
                        select u.id from administrative_unit u
                        join student_tally t on t.place_id = u.id and t.place_kind = 'UNIT' and t.campaign_id = ?
                        where u.parent_id is not null and exists (select 1 from administrative_unit c
                                                                   where c.parent_id = u.id)
                        group by u.id order by sum(t.students) desc limit 1""").param(campaign).query(Long.class).single();
        AccountDetails admin = fixtures.admin();
        AccountDetails manager = fixtures.manager(district);
        String base = "/api/v1/campaigns/" + campaign + "/students";
        String deep = deepCursor(campaign, StudentSort.PRIORITY, 750_000);
        String deepByName = deepCursor(campaign, StudentSort.NAME, 500_000);
        System.out.printf("campaign %d: %,d students; province manager of unit %d%n", campaign, size, district);
        System.out.println("| request | p50 ms | p95 ms |");
        System.out.println("|---|---|---|");
        measure("API first page (priority), admin", get(base).with(user(admin)));
        measure(
                "API page at row 750,000 (priority cursor), admin",
                get(base).param("cursor", deep).with(user(admin)));
        measure(
                "API page at row 500,000 (name cursor), admin",
                get(base).param("sort", "NAME").param("cursor", deepByName).with(user(admin)));
        for (StudentSort sort : StudentSort.values()) {
            measure(
                    "API first page sorted " + sort + ", province manager",
                    get(base).param("sort", sort.name()).with(user(manager)));
        }
        measure(
                "API filter status=APPROVED, category=C0, admin",
                get(base).param("status", "APPROVED").param("category", "C0").with(user(admin)));
        measure("API filter grade=3, admin", get(base).param("grade", "3").with(user(admin)));
        // a commune's and a school's students per category are counted from the rows, not kept (V390): the largest
        long commune = jdbc.sql("""
                        select sc.unit_id from student_tally t join school sc on sc.id = t.place_id
                        where t.campaign_id = ? and t.place_kind = 'SCHOOL' and t.category = '*'
                        group by sc.unit_id order by sum(t.students) desc limit 1""").param(campaign).query(Long.class).single();
        long school = jdbc.sql("""
                        select place_id from student_tally where campaign_id = ? and place_kind = 'SCHOOL'
                        group by place_id order by sum(students) desc limit 1""").param(campaign).query(Long.class).single();
        measure(
                "API filter category=C0 in the largest commune (counted), admin",
                get(base)
                        .param("unitId", String.valueOf(commune))
                        .param("category", "C0")
                        .with(user(admin)));
        measure(
                "API filter category=C0 in the largest school (counted), admin",
                get(base)
                        .param("schoolId", String.valueOf(school))
                        .param("category", "C0")
                        .with(user(admin)));
        measure(
                "API search \"nguyen van an\", admin",
                get(base).param("q", "nguyen van an").with(user(admin)));
        measure(
                "API search \"tran thi\", province manager",
                get(base).param("q", "tran thi").with(user(manager)));
        measure(
                "API search \"tran thi\", admin (the whole country)",
                get(base).param("q", "tran thi").with(user(admin)));
        measure("API roll-up (national), admin", get(base + "/roll-up").with(user(admin)));
        measure("API roll-up (province), manager", get(base + "/roll-up").with(user(manager)));
        String page = "/campaigns/" + campaign + "/students";
        measure("HTML list first page, admin", get(page).with(user(admin)));
        measure(
                "HTML list at row 750,000, admin",
                get(page).param("cursor", deep).with(user(admin)));
        measure(
                "HTML search \"nguyen van an\", admin",
                get(page).param("q", "nguyen van an").with(user(admin)));
        measure("HTML roll-up (national), admin", get(page + "/roll-up").with(user(admin)));
        measure("HTML roll-up (province), manager", get(page + "/roll-up").with(user(manager)));
    }

    @Autowired
    Students students;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /**
     * A bulk decision of 1,000 proposed students of the national campaign, twenty times after three warm-ups (the JIT
     * still compiles the decision's code during the first ones), each rolled back so the data set
     * stays as it was: the decision's wall and CPU time (CpuClock) and, within it, the kept counts' own statements
     * ({@link vn.cungem.student.internal.UpkeepTimer}), with nothing switched off (issue 15: no more than 10 %).
     */
    @Test
    void keptCountsShareOfABulkDecision() {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long campaign = nationalCampaign();
        AccountDetails admin = fixtures.admin();
        var rollback = new org.springframework.transaction.support.TransactionTemplate(transactions);
        int warmUps = 3;
        List<double[]> measured = new java.util.ArrayList<>();
        for (int i = 0; i < warmUps + 20; i++) {
            int run = i;
            List<Long> ids =
                    jdbc.sql("""
                            select id from student where campaign_id = ? and status = 'PROPOSED'
                            order by id offset ? limit 1000""").params(campaign, run * 1000).query(Long.class).list();
            rollback.executeWithoutResult(tx -> {
                double wall = upkeep(vn.cungem.student.internal.UpkeepTimer.WALL);
                double cpu = upkeep(vn.cungem.student.internal.UpkeepTimer.CPU);
                vn.cungem.testsupport.CpuClock start = vn.cungem.testsupport.CpuClock.now(jdbc);
                long t = System.nanoTime();
                students.approve(ids, admin.caller());
                long ms = (System.nanoTime() - t) / 1_000_000;
                String clock = vn.cungem.testsupport.CpuClock.now(jdbc).since(start);
                double upkeepWall = upkeep(vn.cungem.student.internal.UpkeepTimer.WALL) - wall;
                // the warm-ups' lines are printed but left out of the figures
                if (run >= warmUps) {
                    measured.add(new double[] {ms, upkeepWall});
                }
                System.out.printf(
                        "decision of 1,000%s: %,d ms (%s); kept counts: wall %,.0f ms (%.1f %% of it; the decision"
                                + " without them %.1f %% slower), JVM thread CPU %,.0f ms%n",
                        run < warmUps ? " (warm-up)" : "",
                        ms,
                        clock,
                        upkeepWall,
                        100 * upkeepWall / Math.max(1, ms),
                        100 * upkeepWall / Math.max(1, ms - upkeepWall),
                        upkeep(vn.cungem.student.internal.UpkeepTimer.CPU) - cpu);
                tx.setRollbackOnly();
            });
        }
        double[] slower = measured.stream()
                .mapToDouble(m -> 100 * m[1] / Math.max(1, m[0] - m[1]))
                .sorted()
                .toArray();
        double upkeepSum = measured.stream().mapToDouble(m -> m[1]).sum();
        double withoutSum = measured.stream().mapToDouble(m -> m[0] - m[1]).sum();
        System.out.printf(
                "decisions measured: %d; slower for the kept counts: median %.1f %%, 90th percentile %.1f %%, least"
                        + " %.1f %%, most %.1f %%; all together %.1f %% (%,.0f ms of counts over %,.0f ms of the"
                        + " decisions without them)%n",
                slower.length,
                slower[slower.length / 2],
                slower[(int) Math.ceil(slower.length * 0.9) - 1],
                slower[0],
                slower[slower.length - 1],
                100 * upkeepSum / withoutSum,
                upkeepSum,
                withoutSum);
    }

    @Autowired
    vn.cungem.student.internal.TallyComparison comparison;

    @Autowired
    vn.cungem.student.internal.StudentTallies tallies;

    /**
     * The daily check of the kept counts on the national campaign: one province at a time (what the daily run does)
     * against the whole campaign at once (what it did before), each with its time and the heap it left in use at its
     * peak (sampled from a second thread every 50 ms: an estimate, the collector runs when it likes).
     */
    @Test
    void dailyCheckOfTheKeptCountsAtNationalSize() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long campaign = nationalCampaign();
        long[] found = new long[1];
        measureCheck("by province (TallyComparison)", () -> comparison.compare(campaign, (k, n) -> found[0]++));
        System.out.printf("differences found: %,d%n", found[0]);
        measureCheck(
                "whole campaign at once (differences)",
                () -> found[0] = tallies.differences(campaign).size());
        System.out.printf("differences found: %,d%n", found[0]);
    }

    private static void measureCheck(String what, Runnable check) throws Exception {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        System.gc();
        long base = memory.getHeapMemoryUsage().getUsed();
        // the JVM keeps each heap pool's peak itself: reset them, read them after (their sum, each at its own moment)
        List<java.lang.management.MemoryPoolMXBean> pools =
                java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                        .toList();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long cpu = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long t = System.nanoTime();
        check.run();
        long ms = (System.nanoTime() - t) / 1_000_000;
        long[] peak = {pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum()};
        long cpuMs = (((com.sun.management.OperatingSystemMXBean)
                                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                                .getProcessCpuTime()
                        - cpu)
                / 1_000_000;
        System.out.printf(
                "daily check, %s: %,d ms (JVM CPU %,d ms); heap in use at most %,d MB above the %,d MB before%n",
                what, ms, cpuMs, (peak[0] - base) >> 20, base >> 20);
    }

    private double upkeep(String name) {
        var timer = meters.find(name).timer();
        return timer == null ? 0 : timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private long nationalCampaign() {
        List<Long> found = jdbc.sql("""
                        select campaign_id from student group by campaign_id having count(*) >= 900000
                        order by campaign_id desc limit 1""").query(Long.class).list();
        if (!found.isEmpty()) {
            return found.get(0);
        }
        long t = System.nanoTime();
        DataGenerator generator = new DataGenerator(2021L, Scale.NATIONAL, TestFixtures.unique("N"));
        SyntheticNation nation = generator.nation();
        SyntheticData.LoadResult units = synthetic.load(nation);
        long root = units.unitIds().get(generator.rootCode());
        SyntheticStudents.Loaded loaded = syntheticStudents.load(generator, nation, root, units.unitIds());
        System.out.printf(
                "loaded %,d units, %,d schools, %,d students in %,d s%n",
                units.units(), units.schools(), loaded.students(), (System.nanoTime() - t) / 1_000_000_000);
        return loaded.campaignId();
    }

    /** A cursor after the row at {@code offset} in {@code sort} order: read once with an offset, not timed. */
    private String deepCursor(long campaign, StudentSort sort, long offset) {
        long id = jdbc.sql("select s.id from student s join school sc on sc.id = s.school_id where s.campaign_id = ?"
                        + " and s.status <> 'MERGED' order by "
                        + String.join(", ", ListOrder.of(sort).keys()) + " offset ? limit 1")
                .params(campaign, offset)
                .query(Long.class)
                .single();
        return new ListCursor(sort, true, id).encode();
    }

    private void measure(String what, RequestBuilder request) throws Exception {
        // -Dbench.only=HTML measures only the lines starting so (e.g. while profiling the pages)
        String only = System.getProperty("bench.only", "");
        if (!what.startsWith(only)) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            mvc.perform(request).andReturn();
        }
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            millis[i] = (System.nanoTime() - t) / 1_000_000;
            assertThat(status).as(what).isEqualTo(200);
        }
        Arrays.sort(millis);
        System.out.printf("| %s | %d | %d |%n", what, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1]);
    }
}
