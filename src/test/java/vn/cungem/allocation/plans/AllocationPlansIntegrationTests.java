package vn.cungem.allocation.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.work.ReservationTestData;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Plans made from the real modules' data, stored, read with explanations, changed by hand, and approved into
 * reservations; overlapping approvals at the same moment reserve each device once (on H2 and on PostgreSQL when
 * {@code CUNGEM_TEST_DB_URL} is set).
 */
@IntegrationTest
class AllocationPlansIntegrationTests {

    @Autowired
    AllocationPlans plans;

    @Autowired
    PlanQueries queries;

    @Autowired
    PlanComparisons comparisons;

    @Autowired
    Reservations reservations;

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
    long lan;
    long minh;
    long hoa;
    long laptop;
    long tablet;

    @BeforeEach
    void setUp() {
        data = new ReservationTestData(new WorkshopTestData(fixtures, jdbc, events, tx, inventory), fixtures, jdbc);
        campaign = data.workshop.campaign;
        manager = fixtures.manager(data.workshop.district).caller();
        lan = student("Nguyễn Thị Lan", 90);
        minh = student("Trần Văn Minh", 70);
        hoa = student("Lê Thị Hoa", 40);
        laptop = data.readyDevice(ItemType.LAPTOP);
        tablet = data.readyDevice(ItemType.TABLET);
    }

    @Test
    void aProposalServesTheMostUrgentAndExplainsWhoIsLeftOut() {
        var run = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager);
        assertThat(run.students()).isEqualTo(3);
        assertThat(run.items()).isEqualTo(2);

        var summary = queries.summary(campaign, run.planId(), manager);
        assertThat(summary.served()).isEqualTo(2);
        assertThat(summary.leftOut()).isEqualTo(1);
        assertThat(summary.status()).isEqualTo(PlanStatus.DRAFT);

        var left = queries.lines(campaign, run.planId(), null, PlanQueries.Show.EXCEPTIONS, 0, vi(), manager);
        assertThat(left.lines()).singleElement().satisfies(l -> {
            assertThat(l.studentId()).isEqualTo(hoa);
            assertThat(l.why()).startsWith("Xếp thứ 3 trong huyện");
        });
        var assigned = queries.lines(campaign, run.planId(), null, PlanQueries.Show.ASSIGNED, 0, vi(), manager);
        assertThat(assigned.lines()).extracting(PlanQueries.LineView::studentId).containsExactlyInAnyOrder(lan, minh);
        assertThat(queries.lines(campaign, run.planId(), null, PlanQueries.Show.EXCEPTIONS, 0, Locale.ENGLISH, manager)
                        .lines()
                        .get(0)
                        .why())
                .startsWith("Ranked 3 in the district");
        assertThat(queries.schools(campaign, run.planId(), manager))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.served()).isEqualTo(2);
                    assertThat(s.leftOut()).isEqualTo(1);
                });
    }

    @Test
    void aChangeByHandNeedsAReasonKeepsTheInvariantsAndIsWhatApprovalReserves() {
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        String minhsTag = tagHeldBy(planId, minh);

        assertThatThrownBy(() -> plans.change(campaign, planId, minhsTag, hoa, "  ", manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("lý do"));
        assertThatThrownBy(() -> plans.change(campaign, planId, "TB-KHONG-CO", hoa, "Lý do", manager))
                .isInstanceOf(InvalidValueException.class);

        plans.change(campaign, planId, minhsTag, hoa, "Em Hoa vừa mất nhà do lũ, cần ngay", manager);
        assertThat(tagHeldBy(planId, hoa)).isEqualTo(minhsTag);
        assertThat(tagHeldBy(planId, minh)).isNull();
        var minhLine = queries.lines(campaign, planId, null, PlanQueries.Show.EXCEPTIONS, 0, vi(), manager)
                .lines();
        assertThat(minhLine).singleElement().satisfies(l -> {
            assertThat(l.studentId()).isEqualTo(minh);
            assertThat(l.why()).contains("Em Hoa vừa mất nhà do lũ");
        });
        assertThat(jdbc.sql("select count(*) from allocation_change where plan_id = ?")
                        .param(planId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var approval = plans.approve(campaign, planId, "key-" + planId, manager);
        assertThat(approval.reserved()).isEqualTo(2);
        assertThat(reservations.ofReference(AllocationPlans.reference(planId)))
                .extracting(Reservations.Holding::tag, Reservations.Holding::studentId)
                .contains(org.assertj.core.groups.Tuple.tuple(minhsTag, hoa));
        // a retry, or a double click, answers the same and reserves nothing more
        var again = plans.approve(campaign, planId, "key-" + planId, manager);
        assertThat(again.repeated()).isTrue();
        assertThat(reservations.ofReference(AllocationPlans.reference(planId))).hasSize(2);
        assertThatThrownBy(() -> plans.change(campaign, planId, minhsTag, lan, "muộn", manager))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aWhatIfIsNeverApprovedAndARetriedRunMakesOnePlan() {
        var first = plans.run(campaign, PlanKind.WHAT_IF, Rules.DEFAULT, "run-" + campaign, manager);
        var retry = plans.run(campaign, PlanKind.WHAT_IF, Rules.DEFAULT, "run-" + campaign, manager);
        assertThat(retry.planId()).isEqualTo(first.planId());
        assertThat(retry.repeated()).isTrue();
        assertThat(queries.plans(campaign, manager)).hasSize(1);
        assertThatThrownBy(() -> plans.approve(campaign, first.planId(), null, manager))
                .isInstanceOf(InvalidValueException.class);
        assertThat(reservations.ofReference(AllocationPlans.reference(first.planId())))
                .isEmpty();
    }

    @Test
    void anotherDistrictsManagerDoesNotSeeThePlan() {
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        long elsewhere = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.workshop.city);
        Caller stranger = fixtures.manager(elsewhere).caller();
        assertThatThrownBy(() -> queries.summary(campaign, planId, stranger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> plans.approve(campaign, planId, null, stranger))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void twoManagersApprovingOverlappingPlansAtTheSameMomentReserveEachDeviceOnce() throws Exception {
        Caller other = fixtures.manager(data.workshop.district).caller();
        for (int round = 0; round < 3; round++) {
            if (round > 0) {
                // the next round's devices: what the last round reserved stays reserved
                data.readyDevice(ItemType.LAPTOP);
                data.readyDevice(ItemType.LAPTOP);
                student("Học sinh " + round + "a", 95);
                student("Học sinh " + round + "b", 95);
            }
            long planA = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                    .planId();
            long planB = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, other)
                    .planId();
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Object> fa = pool.submit(approve(start, planA, manager));
                Future<Object> fb = pool.submit(approve(start, planB, other));
                List<Object> outcomes = new ArrayList<>(List.of(fa.get(), fb.get()));
                assertThat(outcomes)
                        .as("round %d: %s", round, outcomes)
                        .filteredOn(o -> o instanceof Integer)
                        .hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof String).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            var a = reservations.ofReference(AllocationPlans.reference(planA));
            var b = reservations.ofReference(AllocationPlans.reference(planB));
            assertThat(a.isEmpty() != b.isEmpty())
                    .as("exactly one plan reserved")
                    .isTrue();
            long reservedRows = jdbc.sql("select count(*) from inventory_item where campaign_id = ? and status = ?")
                    .params(campaign, ItemStatus.RESERVED.name())
                    .query(Long.class)
                    .single();
            assertThat(reservedRows).isEqualTo((long) (a.size() + b.size()) + 2L * round);
            assertThat(queries.summary(campaign, a.isEmpty() ? planA : planB, manager)
                            .status())
                    .isEqualTo(PlanStatus.DRAFT);
        }
    }

    @Test
    void decisionsHaveRealForeignKeysAndTheDatabaseKeepsAnItemOncePerPlan() {
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        long held = jdbc.sql("select item_id from allocation_assignment where plan_id = ? and student_id = ?")
                .params(planId, lan)
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql("update allocation_assignment set student_id = -1 where plan_id = ? and"
                                + " item_id = ?")
                        .params(planId, held)
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                "update allocation_assignment set item_id = -1 where plan_id = ? and" + " item_id = ?")
                        .params(planId, held)
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        // the same item to a second student of the plan
        assertThatThrownBy(() -> jdbc.sql("""
                                insert into allocation_assignment (plan_id, item_id, student_id, line, item_tag, device,
                                    kind, reason, district_id, unit_id, rank, pool_devices)
                                select plan_id, item_id, ?, 99, item_tag, device, kind, reason, district_id, unit_id,
                                       rank, pool_devices
                                  from allocation_assignment where plan_id = ? and item_id = ?""").params(hoa, planId, held).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        // Hoa's note is in a block of her school, not a row of its own
        assertThat(jdbc.sql("select count(*) from allocation_note_block where plan_id = ? and category = 'LEFT_OUT'")
                        .param(planId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void anUnusedSimGivenByHandFreesTheSimTheStudentHadAndEveryPageStillAddsUp() {
        for (int i = 0; i < 3; i++) {
            data.readyDevice(ItemType.SIM_4G);
        }
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        var all = queries.lines(campaign, planId, null, PlanQueries.Show.ALL, 0, vi(), manager);
        // two devices and two SIMs handed out, Hoa left out, one SIM left over: every home here is offline
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.lines()).hasSize(6);
        String spare = all.lines().stream()
                .filter(l -> l.studentId() == null)
                .map(PlanQueries.LineView::itemTag)
                .findFirst()
                .orElseThrow();
        String lansSim = simHeldBy(planId, lan);
        assertThat(lansSim).isNotNull().isNotEqualTo(spare);

        plans.change(campaign, planId, spare, lan, "Thẻ SIM của em Lan hỏng", manager);
        assertThat(simHeldBy(planId, lan)).isEqualTo(spare);
        var after = queries.lines(campaign, planId, null, PlanQueries.Show.ALL, 0, vi(), manager);
        assertThat(after.total()).isEqualTo(6);
        assertThat(after.lines()).extracting(PlanQueries.LineView::line).doesNotHaveDuplicates();
        assertThat(after.lines())
                .filteredOn(l -> l.studentId() == null)
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.itemTag()).isEqualTo(lansSim);
                    assertThat(l.reason()).isEqualTo("MANUAL_FREED");
                    assertThat(l.why()).contains("Thẻ SIM của em Lan hỏng");
                });
        // a page past the decisions reads only notes
        assertThat(queries.lines(campaign, planId, null, PlanQueries.Show.EXCEPTIONS, 0, vi(), manager)
                        .lines())
                .extracting(PlanQueries.LineView::studentId)
                .containsExactly(hoa);
    }

    @Test
    void pagesRunFromTheDecisionsIntoTheNotesWithoutLosingOrRepeatingALine() {
        for (int i = 0; i < 60; i++) {
            student("Học sinh " + i, 10 + i % 30);
        }
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        var first = queries.lines(campaign, planId, null, PlanQueries.Show.ALL, 0, vi(), manager);
        var second = queries.lines(campaign, planId, null, PlanQueries.Show.ALL, 1, vi(), manager);
        // 63 offline students, 2 devices, no SIM: 2 decisions, 2 notes "no SIM left", 61 students left out
        assertThat(first.total()).isEqualTo(65);
        assertThat(first.lines()).hasSize(PlanQueries.PAGE_SIZE);
        assertThat(second.lines()).hasSize(15);
        List<PlanQueries.LineView> both = new ArrayList<>(first.lines());
        both.addAll(second.lines());
        assertThat(both).extracting(PlanQueries.LineView::line).doesNotHaveDuplicates();
        assertThat(both.stream().map(PlanQueries.LineView::studentId).distinct())
                .hasSize(63);
        assertThat(first.lines().subList(0, 2))
                .allSatisfy(l -> assertThat(l.itemTag()).isNotNull());
        assertThat(second.lines()).allSatisfy(l -> assertThat(l.why()).startsWith("Xếp thứ"));
        var exceptions = queries.lines(campaign, planId, null, PlanQueries.Show.EXCEPTIONS, 1, vi(), manager);
        assertThat(exceptions.total()).isEqualTo(61);
        assertThat(exceptions.lines()).hasSize(11);
    }

    @Test
    void approvalIsRefusedWhenTheInputsChangedSinceThePlanWasMade() {
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        data.readyDevice(ItemType.LAPTOP); // a device made ready after the run
        assertThatThrownBy(() -> plans.approve(campaign, planId, null, manager))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("allocation.plan.inputs-changed");
                    assertThat(e.messageVi()).contains("chạy lại");
                });
        assertThat(queries.summary(campaign, planId, manager).status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(reservations.ofReference(AllocationPlans.reference(planId))).isEmpty();
        long rerun = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        assertThat(plans.approve(campaign, rerun, null, manager).reserved()).isEqualTo(3);
    }

    @Test
    void withdrawingAnApprovedPlanReleasesItsReservationsWithAReasonOnce() {
        long planId = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        assertThatThrownBy(() -> plans.withdraw(campaign, planId, "chưa duyệt", manager))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("allocation.plan.not-approved"));
        plans.approve(campaign, planId, null, manager);
        assertThat(reservations.ofReference(AllocationPlans.reference(planId))).hasSize(2);
        assertThatThrownBy(() -> plans.withdraw(campaign, planId, " ", manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("lý do rút lại phương án"));

        var withdrawal = plans.withdraw(campaign, planId, "Xã sáp nhập, phân bổ lại", manager);
        assertThat(withdrawal.released()).isEqualTo(2);
        assertThat(reservations.ofReference(AllocationPlans.reference(planId))).isEmpty();
        assertThat(jdbc.sql("select count(*) from inventory_item where id in (?, ?) and status = 'READY'")
                        .params(laptop, tablet)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(queries.summary(campaign, planId, manager).status()).isEqualTo(PlanStatus.WITHDRAWN);
        assertThat(jdbc.sql("select withdrawal_reason from allocation_plan where id = ?")
                        .param(planId)
                        .query(String.class)
                        .single())
                .isEqualTo("Xã sáp nhập, phân bổ lại");
        assertThat(plans.withdraw(campaign, planId, "lần nữa", manager).repeated())
                .isTrue();
        // the released devices can be planned and approved again
        long again = plans.run(campaign, PlanKind.PROPOSAL, Rules.DEFAULT, null, manager)
                .planId();
        assertThat(plans.approve(campaign, again, null, manager).reserved()).isEqualTo(2);
    }

    private Callable<Object> approve(CyclicBarrier start, long planId, Caller caller) {
        return () -> {
            start.await();
            try {
                return plans.approve(campaign, planId, null, caller).reserved();
            } catch (ConflictException e) {
                return e.code();
            }
        };
    }

    private String tagHeldBy(long planId, long student) {
        return jdbc.sql(
                        "select item_tag from allocation_assignment where plan_id = ? and student_id = ? and device = true")
                .params(planId, student)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String simHeldBy(long planId, long student) {
        return jdbc.sql(
                        "select item_tag from allocation_assignment where plan_id = ? and student_id = ? and device = false")
                .params(planId, student)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long student(String name, int priority) {
        long id = data.student(name);
        jdbc.sql("update student set priority_score = ? where id = ?")
                .params(priority, id)
                .update();
        return id;
    }

    private static Locale vi() {
        return Locale.forLanguageTag("vi");
    }
}
