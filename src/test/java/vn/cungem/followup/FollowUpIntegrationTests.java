package vn.cungem.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.followup.work.CheckSchedules;
import vn.cungem.followup.work.CheckView;
import vn.cungem.followup.work.Checks;
import vn.cungem.followup.work.Coverage;
import vn.cungem.followup.work.FollowUpAccess;
import vn.cungem.followup.work.Returns;
import vn.cungem.followup.work.SupportCases;
import vn.cungem.identity.Accounts;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class FollowUpIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Autowired
    ItemWork work;

    @Autowired
    Checks checks;

    @Autowired
    CheckSchedules schedules;

    @Autowired
    SupportCases cases;

    @Autowired
    Returns returns;

    @Autowired
    Coverage coverage;

    @Autowired
    VolunteerTeams teams;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountUserDetailsService users;

    FollowUpTestData data;
    LocalDate today;

    @BeforeEach
    void setUp() {
        data = new FollowUpTestData(fixtures, jdbc, events, tx, inventory, reservations);
        today = FollowUpAccess.today();
    }

    @Test
    void aHandoverDeliveredTwiceGetsItsChecksOnceOnTheDefaultDates() {
        var handed = data.handOver("Nguyễn Thị Lan", today);
        data.deliver(handed.event());

        List<CheckView> all = checks.ofFollowUp(data.followUpOf(handed), data.officer);
        assertThat(all)
                .extracting(CheckView::afterDays, CheckView::dueOn, CheckView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(14, today.plusDays(14), "DUE"),
                        org.assertj.core.groups.Tuple.tuple(60, today.plusDays(60), "DUE"));
        assertThat(jdbc.sql("select count(*) from followup_handover where handover_id = ?")
                        .param(handed.event().handoverId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theCampaignsOwnDatesApplyToDevicesHandedOverFromThenOn() {
        var before = data.handOver("Trần Văn Bình", today);
        assertThatThrownBy(() -> schedules.set(data.campaign(), CheckSchedule.parse("7, 30"), data.officer))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> CheckSchedule.parse("14, hai tháng"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("«hai»").contains("không phải số ngày"));

        schedules.set(data.campaign(), CheckSchedule.parse("90; 7 30"), data.manager);
        var after = data.handOver("Lê Thị Cúc", today);

        assertThat(schedules.get(data.campaign(), data.manager).afterDays()).containsExactly(7, 30, 90);
        assertThat(checks.ofFollowUp(data.followUpOf(after), data.manager))
                .extracting(CheckView::dueOn)
                .containsExactly(today.plusDays(7), today.plusDays(30), today.plusDays(90));
        assertThat(checks.ofFollowUp(data.followUpOf(before), data.manager))
                .extracting(CheckView::afterDays)
                .containsExactly(14, 60);
    }

    @Test
    void aCheckWhoseDateHasPassedIsOverdueInTheSchoolsListAndInTheCoverage() {
        var late = data.handOver("Phạm Minh Đức", today.minusDays(20));
        var fresh = data.handOver("Võ Thị Hoa", today.minusDays(14));
        long lateCheck =
                checks.ofFollowUp(data.followUpOf(late), data.officer).get(0).id();

        List<CheckView> due = checks.list(Checks.Show.DUE, data.campaign(), data.officer);
        assertThat(due).extracting(CheckView::tag).containsExactly(late.tag(), fresh.tag());
        assertThat(due.get(0).overdueOn(today)).isTrue();
        assertThat(due.get(1).overdueOn(today)).isFalse();
        assertThat(checks.list(Checks.Show.UPCOMING, data.campaign(), data.officer))
                .extracting(CheckView::tag)
                .containsExactly(late.tag(), fresh.tag());

        Coverage.Report report = coverage.of(data.campaign(), data.manager);
        assertThat(report.total())
                .extracting(Coverage.Row::due, Coverage.Row::done, Coverage.Row::overdue)
                .containsExactly(2L, 0L, 1L);

        checks.record(lateCheck, new CheckAnswer(Learning.YES, false, false, false, false, null), null, data.officer);
        assertThat(coverage.of(data.campaign(), data.manager).total())
                .extracting(Coverage.Row::due, Coverage.Row::done, Coverage.Row::overdue, Coverage.Row::learningYes)
                .containsExactly(2L, 1L, 0L, 1L);
        assertThat(coverage.of(data.campaign(), data.officer).units()).isEmpty();
    }

    @Test
    void aProblemBecomesACaseTheTeamTakesAndResolvesWithANote() {
        var handed = data.handOver("Đỗ Tuấn Huy", today.minusDays(15));
        long checkId =
                checks.ofFollowUp(data.followUpOf(handed), data.officer).get(0).id();
        var team = teams.create(data.manager, TestFixtures.unique("IT áo xanh "), data.reservation.workshop.district);
        Caller technician = technician(team.id());
        var elsewhere = fixtures.unit(TestFixtures.unique("Huyện "), "district", null);
        Caller stranger = technician(
                teams.create(fixtures.manager(elsewhere).caller(), TestFixtures.unique("Đội khác "), elsewhere)
                        .id());

        assertThatThrownBy(() -> checks.record(
                        checkId, new CheckAnswer(Learning.PARTLY, false, false, false, true, " "), "k", data.officer))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("followup.other-note"));
        String key = TestFixtures.unique("check-");
        CheckAnswer answer = new CheckAnswer(Learning.PARTLY, false, true, false, false, "Sim hết hạn từ tuần trước");
        Checks.Recorded first = checks.record(checkId, answer, key, data.officer);
        Checks.Recorded again = checks.record(checkId, answer, key, data.officer);
        assertThat(first.caseId()).isNotNull();
        assertThat(again.repeated()).isTrue();
        assertThat(again.caseId()).isEqualTo(first.caseId());
        assertThat(jdbc.sql("select count(*) from followup_case where followup_check_id = ?")
                        .param(checkId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> checks.record(checkId, answer, TestFixtures.unique("other-"), data.officer))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("followup.check-done"));

        long caseId = first.caseId();
        assertThat(cases.list(null, technician))
                .extracting(SupportCases.CaseView::id, SupportCases.CaseView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(caseId, CaseStatus.OPEN));
        assertThat(cases.list(null, stranger)).isEmpty();
        assertThatThrownBy(() -> cases.start(caseId, stranger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.resolve(caseId, "Đã đổi SIM", technician))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("followup.case-move"));

        assertThat(cases.start(caseId, technician).status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(cases.start(caseId, technician).takenBy()).isEqualTo("Võ Thị Hạnh");
        assertThat(coverage.of(data.campaign(), data.manager).total().openCases())
                .isEqualTo(1);
        assertThatThrownBy(() -> cases.resolve(caseId, "  ", technician))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("followup.case-note"));
        var resolved = cases.resolve(caseId, "Đã đổi SIM Viettel mới", technician);
        assertThat(resolved.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(resolved.resolutionNote()).isEqualTo("Đã đổi SIM Viettel mới");
        assertThat(coverage.of(data.campaign(), data.manager).total().openCases())
                .isZero();
        // the school follows its case, read-only
        assertThat(cases.get(caseId, data.officer).status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(cases.mayWork(data.officer)).isFalse();
        assertThatThrownBy(() -> cases.start(caseId, data.officer)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReturnTakesTheDeviceBackThroughInventoryAndItMustBeWipedAgain() {
        var handed = data.handOver("Ngô Thị Mai", today.minusDays(3));
        long followUp = data.followUpOf(handed);
        assertThatThrownBy(() -> returns.record(followUp, ReturnReason.OTHER, null, null, data.officer))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("followup.return-note"));

        String key = TestFixtures.unique("return-");
        var back = returns.record(followUp, ReturnReason.MOVED, "Gia đình chuyển vào Bình Dương", key, data.officer);
        var again = returns.record(followUp, ReturnReason.MOVED, "Gia đình chuyển vào Bình Dương", key, data.officer);
        assertThat(again.id()).isEqualTo(back.id());
        assertThatThrownBy(() ->
                        returns.record(followUp, ReturnReason.MOVED, null, TestFixtures.unique("other-"), data.manager))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("followup.returned"));

        var item = reservations.byTag(handed.tag()).orElseThrow();
        assertThat(item.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(item.studentId()).isNull();
        assertThat(jdbc.sql("""
                        select actor_name from inventory_item_history
                         where item_id = ? and to_status = 'RETURNED'""").param(handed.itemId()).query(String.class).list())
                .singleElement()
                .satisfies(name ->
                        assertThat(name).contains(data.officerAccount.caller().displayName()));
        assertThat(checks.ofFollowUp(followUp, data.officer))
                .extracting(CheckView::status)
                .containsOnly("CANCELLED");

        // back through inspection: it cannot become ready without a wipe since the student had it
        Caller manager = data.manager;
        work.move(handed.tag(), ItemMove.START_INSPECTION, null, null, null, manager);
        assertThat(work.wipedSinceOwner(work.item(handed.tag(), manager))).isFalse();
        jdbc.sql("update inventory_item set status = 'SOFTWARE_INSTALLED' where id = ?")
                .param(handed.itemId())
                .update();
        assertThatThrownBy(() -> work.move(handed.tag(), ItemMove.MARK_READY, null, null, null, manager))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("inventory.not-wiped"));
    }

    @Test
    void anotherSchoolsOfficerAndAnotherDistrictsManagerSeeNothing() {
        var handed = data.handOver("Bùi Văn Nam", today.minusDays(30));
        long followUp = data.followUpOf(handed);
        long checkId = checks.ofFollowUp(followUp, data.officer).get(0).id();
        Caller recorded = data.officer;
        long caseId = checks.record(
                        checkId, new CheckAnswer(Learning.NO, true, false, false, false, null), null, recorded)
                .caseId();

        long otherSchool = fixtures.school(TestFixtures.unique("Trường THCS "), data.reservation.workshop.district);
        Caller otherOfficer = fixtures.account(
                        Role.SCHOOL_OFFICER, data.reservation.workshop.district, otherSchool, null)
                .caller();
        long sibling = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.reservation.workshop.city);
        Caller siblingManager = fixtures.manager(sibling).caller();

        for (Caller outsider : List.of(otherOfficer, siblingManager)) {
            for (Checks.Show show : Checks.Show.values()) {
                assertThat(checks.list(show, null, outsider)).isEmpty();
            }
            assertThatThrownBy(() -> checks.get(checkId, outsider)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> checks.ofFollowUp(followUp, outsider)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> returns.record(followUp, ReturnReason.MOVED, null, null, outsider))
                    .isInstanceOf(NotFoundException.class);
            assertThat(cases.list(null, outsider)).isEmpty();
            assertThatThrownBy(() -> cases.get(caseId, outsider)).isInstanceOf(NotFoundException.class);
            assertThat(coverage.of(null, outsider).units()).isEmpty();
        }
        assertThat(reservations.byTag(handed.tag()).orElseThrow().status()).isEqualTo(ItemStatus.HANDED_OVER);
        assertThat(checks.list(Checks.Show.DONE, null, data.officer))
                .extracting(CheckView::id)
                .contains(checkId);
    }

    private Caller technician(long teamId) {
        String email = TestFixtures.unique("tnv") + "@example.vn";
        accounts.createTechnician(email, "Võ Thị Hạnh", teamId, TestFixtures.PASSWORD);
        return users.loadUserByUsername(email).caller();
    }
}
