package vn.cungem.allocation.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.campaign.ItemType;
import vn.cungem.demo.generator.DataGenerator;
import vn.cungem.demo.generator.Scale;
import vn.cungem.demo.generator.SyntheticData;
import vn.cungem.demo.generator.SyntheticNation;
import vn.cungem.demo.generator.SyntheticStudents;
import vn.cungem.inventory.ReadyStockLoad;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.CpuClock;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 14's end-to-end bar: a national plan (1,000,000 approved students, 300,000 ready items, 40,000 schools) read
 * from PostgreSQL through student's and inventory's APIs, planned, and written back, in at most 6 s. Prints, for each
 * run of the same process: the read-only floor (reading the input alone), the engine's time, the write, and the
 * whole run. Not a timed assertion; run on purpose against its own database:
 *
 * <pre>CUNGEM_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cungem_allocstore_national CUNGEM_TEST_DB_USER=postgres \
 * CUNGEM_TEST_DB_PASSWORD= ./mvnw -q -o test -Dtest=AllocationEndToEndBenchmark -Dbench=true</pre>
 *
 * The first run loads the generator's national campaign, approves every student in it (the generator leaves a status
 * mix) and puts 300,000 ready items on its schools' shelves through inventory's {@link ReadyStockLoad}.
 */
@IntegrationTest
class AllocationEndToEndBenchmark {

    private static final int ITEMS = 300_000;
    private static final int RUNS = 3;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyntheticData synthetic;

    @Autowired
    SyntheticStudents syntheticStudents;

    @Autowired
    ReadyStockLoad stock;

    @Autowired
    PlanInputs inputs;

    @Autowired
    AllocationPlans plans;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aNationalPlanIsReadPlannedAndWritten() {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long campaign = nationalCampaign();
        System.out.println(
                "| run | read-only floor ms | read ms | engine ms | write ms | end to end ms | heap used MB |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int run = 1; run <= RUNS; run++) {
            System.gc();
            long t0 = System.nanoTime();
            var read = tx.execute(s -> inputs.read(campaign, Rules.DEFAULT, Caller.SYSTEM));
            long floor = (System.nanoTime() - t0) / 1_000_000;
            int students = read.input().applicants().size();
            read = null;
            System.gc();
            long t1 = System.nanoTime();
            CpuClock cpu = CpuClock.now(jdbc);
            AllocationPlans.Run r = plans.run(campaign, PlanKind.WHAT_IF, Rules.DEFAULT, null, Caller.SYSTEM);
            long total = (System.nanoTime() - t1) / 1_000_000;
            String cpuSpent = CpuClock.now(jdbc).since(cpu);
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    "| %d | %,d | %,d | %,d | %,d | %,d | %,d |%n",
                    run,
                    floor,
                    r.readMillis(),
                    r.engineMillis(),
                    r.writeMillis(),
                    total,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
            assertThat(r.students()).isEqualTo(students);
            System.out.printf(
                    "plan %d: %,d students, %,d items, %,d decisions, %,d note blocks holding %,d notes, max heap %,d"
                            + " MB; run: %s%n",
                    r.planId(),
                    r.students(),
                    r.items(),
                    count("select count(*) from allocation_assignment where plan_id = ?", r.planId()),
                    count("select count(*) from allocation_note_block where plan_id = ?", r.planId()),
                    count(
                            "select coalesce(sum(note_count), 0) from allocation_note_block where plan_id = ?",
                            r.planId()),
                    rt.maxMemory() >> 20,
                    cpuSpent);
        }
    }

    private long count(String sql, long planId) {
        return jdbc.sql(sql).param(planId).query(Long.class).single();
    }

    private long nationalCampaign() {
        List<Long> found = jdbc.sql("""
                        select campaign_id from student group by campaign_id having count(*) >= 900000
                        order by campaign_id desc limit 1""").query(Long.class).list();
        long campaign;
        if (!found.isEmpty()) {
            campaign = found.get(0);
        } else {
            long t = System.nanoTime();
            DataGenerator generator = new DataGenerator(2021L, Scale.NATIONAL, TestFixtures.unique("N"));
            SyntheticNation nation = generator.nation();
            SyntheticData.LoadResult units = synthetic.load(nation);
            long root = units.unitIds().get(generator.rootCode());
            campaign = syntheticStudents
                    .load(generator, nation, root, units.unitIds())
                    .campaignId();
            System.out.printf("loaded the national campaign in %,d s%n", (System.nanoTime() - t) / 1_000_000_000);
        }
        jdbc.sql("update student set status = 'APPROVED' where campaign_id = ? and status <> 'APPROVED'")
                .param(campaign)
                .update();
        long ready = jdbc.sql("select count(*) from inventory_item where campaign_id = ? and status = 'READY'")
                .param(campaign)
                .query(Long.class)
                .single();
        if (ready < ITEMS) {
            long t = System.nanoTime();
            List<Long> schools = jdbc.sql("select distinct school_id from student where campaign_id = ? order by 1")
                    .param(campaign)
                    .query(Long.class)
                    .list();
            ItemType[] types = {
                ItemType.LAPTOP,
                ItemType.TABLET,
                ItemType.SMARTPHONE,
                ItemType.DESKTOP_SET,
                ItemType.SIM_4G,
                ItemType.WIFI_DEVICE
            };
            String[] specs = {"RAM 8GB", "RAM 3GB", "RAM 2GB", "RAM 4GB", null, null};
            List<ReadyStockLoad.Line> lines = new ArrayList<>();
            int left = ITEMS - (int) ready;
            for (int i = 0; left > 0; i++) {
                int n = Math.min(left, 1 + (i % 13));
                int k = i % types.length;
                lines.add(new ReadyStockLoad.Line(schools.get((i * 7919) % schools.size()), types[k], specs[k], n));
                left -= n;
            }
            for (int from = 0; from < lines.size(); from += 5000) {
                stock.add(
                        campaign,
                        lines.subList(from, Math.min(lines.size(), from + 5000)),
                        "B" + from + "-",
                        Caller.SYSTEM);
            }
            System.out.printf("put %,d ready items in %,d s%n", ITEMS - ready, (System.nanoTime() - t) / 1_000_000_000);
        }
        jdbc.sql("analyze").update();
        return campaign;
    }
}
