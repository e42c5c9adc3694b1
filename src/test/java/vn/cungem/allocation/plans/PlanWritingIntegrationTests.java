package vn.cungem.allocation.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.AllocationEngine;
import vn.cungem.allocation.engine.Assignment;
import vn.cungem.allocation.engine.Plan;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.ReservationTestData;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * How a plan is written (PlanWriter): on PostgreSQL in two parts over two connections, shown nowhere until it is
 * complete; a failure in either part leaves nothing behind; a plan left half written by a stopped node is removed and
 * its run's Idempotency-Key still gives one plan. On H2 the same, written in one transaction.
 */
@IntegrationTest
class PlanWritingIntegrationTests {

    /** An item id no inventory has: the part holding it fails in the database. */
    private static final long NO_SUCH_ITEM = 9_000_000_000_000L;

    @Autowired
    AllocationPlans plans;

    @Autowired
    PlanQueries queries;

    @Autowired
    PlanAccess access;

    @Autowired
    PlanInputs inputs;

    @Autowired
    PlanWriter writer;

    @Autowired
    Inventory inventory;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    ReservationTestData data;
    Caller manager;
    long campaign;
    List<Long> students = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new ReservationTestData(new WorkshopTestData(fixtures, jdbc, events, tx, inventory), fixtures, jdbc);
        campaign = data.workshop.campaign;
        manager = fixtures.manager(data.workshop.district).caller();
        for (int i = 0; i < 4; i++) {
            students.add(data.student("Học sinh " + i));
            data.readyDevice(i % 2 == 0 ? ItemType.LAPTOP : ItemType.TABLET);
        }
    }

    @Test
    void aFailureInEitherPartLeavesNothingVisible() {
        var read = tx.execute(s -> inputs.read(campaign, Rules.DEFAULT, Caller.SYSTEM));
        Plan plan = AllocationEngine.plan(read.input());
        assertThat(plan.assignments()).hasSize(4);
        List<Assignment> byStudent = plan.assignments().stream()
                .sorted(Comparator.comparingLong(Assignment::studentId))
                .toList();
        // the last student's decision is in the part written beside the other, the first student's in the part that
        // makes the plan a draft
        for (Assignment broken : List.of(byStudent.get(3), byStudent.get(0))) {
            Plan tampered = new Plan(
                    plan.quotas(),
                    plan.assignments().stream()
                            .map(a -> a == broken ? new Assignment(NO_SUCH_ITEM, a.studentId(), a.kind(), a.why()) : a)
                            .toList(),
                    plan.notes(),
                    plan.unused());
            String key = TestFixtures.unique("broken-");
            assertThatThrownBy(() -> writer.write(header(key), read.input(), read.tags(), tampered, id -> {}))
                    .isInstanceOf(DataAccessException.class);
            assertThat(count("select count(*) from allocation_plan where campaign_id = ?", campaign))
                    .isZero();
            assertThat(count(
                            "select count(*) from allocation_assignment where student_id in (?, ?, ?, ?)",
                            students.toArray()))
                    .isZero();
        }
        // the same write whole
        long planId = writer.write(header(TestFixtures.unique("whole-")), read.input(), read.tags(), plan, id -> {});
        assertThat(queries.summary(campaign, planId, manager).status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(count("select count(*) from allocation_assignment where plan_id = ?", planId))
                .isEqualTo(4);
    }

    @Test
    void aPlanBeingWrittenIsShownNowhereAndItsRunsKeyGivesOnePlan() {
        String key = TestFixtures.unique("run-");
        long writing = writingPlan(key, Instant.now());
        assertThat(queries.plans(campaign, manager)).isEmpty();
        assertThat(access.find(writing)).isEmpty();
        assertThatThrownBy(() -> queries.summary(campaign, writing, manager)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> plans.approve(campaign, writing, null, manager))
                .isInstanceOf(NotFoundException.class);

        // its writer may still be at work: a retry is told to wait, and makes nothing
        assertThatThrownBy(() -> plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, key, manager))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.messageVi()).contains("đang được ghi"));
        assertThat(count("select count(*) from allocation_plan where campaign_id = ?", campaign))
                .isEqualTo(1);

        // its writer stopped long ago: the half plan goes, the retry makes the one plan of the key
        jdbc.sql("update allocation_plan set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(PlanWriter.ABANDONED_AFTER.multipliedBy(2))), writing)
                .update();
        var run = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, key, manager);
        assertThat(run.repeated()).isFalse();
        var again = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, key, manager);
        assertThat(again.planId()).isEqualTo(run.planId());
        assertThat(again.repeated()).isTrue();
        assertThat(jdbc.sql("select id from allocation_plan where run_key = ?")
                        .param(key)
                        .query(Long.class)
                        .list())
                .containsExactly(run.planId());
        assertThat(count("select count(*) from allocation_assignment where plan_id = ?", writing))
                .isZero();
        assertThat(queries.plans(campaign, manager))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PlanStatus.DRAFT));
    }

    @Test
    void theSweepRemovesOnlyPlansWhoseWriterIsGone() {
        long stale = writingPlan(
                TestFixtures.unique("stale-"), Instant.now().minus(PlanWriter.ABANDONED_AFTER.multipliedBy(2)));
        long fresh = writingPlan(TestFixtures.unique("fresh-"), Instant.now());
        new AbandonedPlanSweep(writer).sweep();
        assertThat(count("select count(*) from allocation_plan where id = ?", stale))
                .isZero();
        assertThat(count("select count(*) from allocation_plan where id = ?", fresh))
                .isEqualTo(1);
    }

    @Test
    void aStudentNamedByADecisionCannotBeDeleted() {
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        long named = jdbc.sql("select min(student_id) from allocation_assignment where plan_id = ?")
                .param(planId)
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("delete from student where id = ?")
                        .param(named)
                        .update()))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                                .contains("allocation_assignment_student_fk"));
        assertThat(count("select count(*) from student where id = ?", named)).isEqualTo(1);
        assertThat(count("select count(*) from student_key where id = ?", named))
                .isEqualTo(1);
    }

    /** A plan row as a writer leaves it before its parts are complete, its decisions half written. */
    private long writingPlan(String key, Instant made) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into allocation_plan (campaign_id, kind, status, input_digest, siblings_share,
                            connectivity_with_device, student_count, item_count, served_count, left_out_count,
                            engine_millis, created_by_name, created_at, run_key)
                        values (?, 'PROPOSAL', 'WRITING', 'x', true, true, 4, 4, 0, 0, 0, 'test', ?, ?)""").params(campaign, Timestamp.from(made), key).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        long item = jdbc.sql("select min(id) from inventory_item where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into allocation_assignment (plan_id, item_id, student_id, line, item_tag, device, kind,
                            reason, district_id, unit_id, rank, pool_devices)
                        values (?, ?, ?, 1, 'T', true, 'LAPTOP', 'SERVED', ?, ?, 1, 1)""")
                .params(id, item, students.get(0), data.workshop.district, data.workshop.district)
                .update();
        return id;
    }

    private PlanWriter.Header header(String key) {
        return new PlanWriter.Header(campaign, data.workshop.district, PlanKind.PROPOSAL, "x", 0, key, manager);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
