package vn.cungem.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.Accounts;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.WorkQueue;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.Repairs;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;
import vn.cungem.volunteer.work.Hours;
import vn.cungem.volunteer.work.VolunteerRecord;

/** Issue 13, volunteer teams: who sees and runs a team, the queue in the team's scope, what a volunteer did. */
@IntegrationTest
class VolunteerTeamsIntegrationTests {

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
    VolunteerTeams teams;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    WorkQueue queue;

    @Autowired
    ItemWork work;

    @Autowired
    Repairs repairs;

    @Autowired
    Hours hours;

    @Autowired
    VolunteerRecord records;

    TeamTestData data;

    @BeforeEach
    void setUp() {
        data = new TeamTestData(fixtures, jdbc, events, tx, inventory, teams, accounts, users);
    }

    @Test
    void aManagerCreatesATeamUnderTheirUnitAndOnlyTheirScopeSeesIt() {
        assertThat(teams.visible(data.manager))
                .extracting(VolunteerTeams.Team::id)
                .contains(data.team.id());
        assertThat(data.team.unitId()).isEqualTo(data.workshop.district);
        // the same name again in the same unit is the same team
        assertThat(teams.create(data.manager, data.team.name(), data.workshop.district)
                        .id())
                .isEqualTo(data.team.id());

        long sibling = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.workshop.city);
        Caller siblingManager = fixtures.manager(sibling).caller();
        assertThat(teams.visible(siblingManager))
                .extracting(VolunteerTeams.Team::id)
                .doesNotContain(data.team.id());
        assertThatThrownBy(() -> teams.get(data.team.id(), siblingManager)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.members(data.team.id(), siblingManager)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.create(siblingManager, "Đội lạ", data.workshop.district))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.create(data.manager, "  ", data.workshop.district))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void invitingAMemberAddsThemOnceAndTheyLandInTheTeam() {
        String email = TestFixtures.unique("moi") + "@example.vn";
        long id = teams.invite(data.team.id(), email, "Trần Thị Mai", data.manager);
        long again = teams.invite(data.team.id(), email, "Trần Thị Mai", data.manager);
        assertThat(again).isEqualTo(id);
        assertThat(teams.members(data.team.id(), data.manager))
                .filteredOn(m -> m.email().equals(email))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.fullName()).isEqualTo("Trần Thị Mai");
                    assertThat(m.invitationPending()).isTrue();
                });
        assertThat(teams.teamOfAccount(id)).contains(data.team.id());

        // a technician cannot invite, and sees only their own team
        Caller an = data.technician("Lê Văn An");
        assertThatThrownBy(() -> teams.invite(data.team.id(), "x" + email, "Người khác", an))
                .isInstanceOf(NotFoundException.class);
        assertThat(teams.visible(an)).extracting(VolunteerTeams.Team::id).containsExactly(data.team.id());
    }

    @Test
    void theQueueListsDevicesWaitingInTheTeamsUnitByJobAndNothingOutsideIt() {
        Caller an = data.technician("Lê Văn An");
        String waiting = data.workshop.device(ItemType.LAPTOP);
        String broken = data.workshop.device(ItemType.LAPTOP);
        work.move(broken, ItemMove.START_INSPECTION, null, null, null, an);
        work.move(broken, ItemMove.NEEDS_REPAIR, null, null, null, an);
        // another district's device, and another team there, stay out
        var elsewhere = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        String foreign = elsewhere.device(ItemType.LAPTOP);

        List<String> inspect =
                tags(queue.queue(data.team.id(), data.team.unitId(), List.of(WorkQueue.Job.INSPECT), an, null));
        assertThat(inspect).contains(waiting).doesNotContain(broken, foreign);
        List<String> repair =
                tags(queue.queue(data.team.id(), data.team.unitId(), List.of(WorkQueue.Job.REPAIR), an, null));
        assertThat(repair).containsExactly(broken);
        assertThat(queue.counts(data.team.id(), data.team.unitId(), an))
                .containsEntry(WorkQueue.Job.REPAIR, 1L)
                .containsEntry(WorkQueue.Job.INSTALL, 0L);
        assertThat(queue.counts(data.team.id(), data.team.unitId(), an).get(WorkQueue.Job.INSPECT))
                .isGreaterThanOrEqualTo(1L);

        // a technician of a team elsewhere cannot open this team, and their own queue has none of these devices
        Caller manager2 = fixtures.manager(elsewhere.district).caller();
        var team2 = teams.create(manager2, TestFixtures.unique("Đội "), elsewhere.district);
        Caller binh = data.technician("Phạm Văn Bình", team2.id());
        assertThatThrownBy(() -> teams.get(data.team.id(), binh)).isInstanceOf(NotFoundException.class);
        assertThat(tags(queue.queue(team2.id(), team2.unitId(), null, binh, null)))
                .contains(foreign)
                .doesNotContain(waiting, broken);
        // even handed this team's unit, the reader's own scope still applies
        assertThat(tags(queue.queue(data.team.id(), data.team.unitId(), null, binh, null)))
                .isEmpty();
    }

    @Test
    void aVolunteersRecordCountsDevicesOnceAndAddsLoggedAndRepairHours() {
        Caller an = data.technician("Lê Văn An");
        String one = data.workshop.device(ItemType.LAPTOP);
        String two = data.workshop.device(ItemType.LAPTOP);
        work.move(one, ItemMove.START_INSPECTION, null, null, null, an);
        work.move(one, ItemMove.NEEDS_REPAIR, null, null, null, an);
        work.move(one, ItemMove.START_REPAIR, null, null, null, an);
        repairs.record(
                one,
                new Repairs.NewRepair(
                        "Hỏng bàn phím",
                        List.of(new Repairs.Part("Bàn phím", vn.cungem.shared.Money.vnd(250_000))),
                        new BigDecimal("1.5"),
                        null),
                null,
                null,
                an);
        work.move(two, ItemMove.START_INSPECTION, null, null, null, an);
        var form = new Hours.NewShift(data.workshop.campaign, LocalDate.now().minusDays(1), "2", "Ca sáng");
        hours.log(data.team.id(), form, "ca-" + one, an);
        hours.log(data.team.id(), form, "ca-" + one, an); // the same form sent twice

        VolunteerRecord.Summary summary = records.of(data.team.id(), an.accountId(), data.manager);
        assertThat(summary.lines()).singleElement().satisfies(l -> {
            assertThat(l.campaignId()).isEqualTo(data.workshop.campaign);
            assertThat(l.items()).isEqualTo(2);
            assertThat(l.steps()).isEqualTo(5);
            assertThat(l.minutes()).isEqualTo(90 + 120);
            assertThat(l.hours()).isEqualTo("3.5");
        });
        assertThat(summary.shifts()).hasSize(1);
        assertThat(summary.done())
                .hasSize(5)
                .first()
                .satisfies(d -> assertThat(d.tag()).isEqualTo(two));

        // someone else's hours are not theirs to log; a day in the future and a wrong number are refused
        Caller binh = data.technician("Phạm Văn Bình");
        assertThatThrownBy(() -> hours.log(data.team.id(), form, "ca-" + one, binh))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> hours.log(
                        data.team.id(),
                        new Hours.NewShift(
                                data.workshop.campaign, LocalDate.now().plusDays(2), "2", null),
                        null,
                        an))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> hours.log(
                        data.team.id(), new Hours.NewShift(data.workshop.campaign, null, "25", null), null, an))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> hours.log(data.team.id(), form, null, data.manager))
                .isInstanceOf(InvalidValueException.class);
        // a sibling manager cannot read the record
        long sibling = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.workshop.city);
        assertThatThrownBy(() -> records.of(
                        data.team.id(),
                        an.accountId(),
                        fixtures.manager(sibling).caller()))
                .isInstanceOf(NotFoundException.class);
    }

    private static List<String> tags(List<WorkQueue.Waiting> waiting) {
        return waiting.stream().map(WorkQueue.Waiting::tag).toList();
    }

    @Test
    void aManagerRenamesATeamAndRemovesAMemberWithAReasonBothAudited() {
        var data = new TeamTestData(fixtures, jdbc, events, tx, inventory, teams, accounts, users);
        var other = teams.create(data.manager, TestFixtures.unique("Đội B "), data.workshop.district);
        var hanh = data.technicianAccount("Võ Thị Hạnh", data.team.id());
        Caller hanhCaller = hanh.caller();

        assertThatThrownBy(() -> teams.rename(data.team.id(), other.name(), null, data.manager))
                .isInstanceOfSatisfying(
                        vn.cungem.shared.ConflictException.class,
                        e -> assertThat(e.messageVi()).contains(other.name()));
        assertThatThrownBy(() -> teams.rename(data.team.id(), "Tên mới", null, hanhCaller))
                .isInstanceOf(vn.cungem.shared.NotFoundException.class);
        String renamed = TestFixtures.unique("IT áo xanh Thủ Đức ");
        assertThat(teams.rename(data.team.id(), "  " + renamed + " ", "Đổi theo tên phường", data.manager)
                        .name())
                .isEqualTo(renamed);

        assertThatThrownBy(() -> teams.removeMember(data.team.id(), hanh.id(), " ", data.manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("team.remove-reason"));
        assertThatThrownBy(() -> teams.removeMember(other.id(), hanh.id(), "Sai đội", data.manager))
                .isInstanceOf(vn.cungem.shared.NotFoundException.class);
        var gone = teams.removeMember(data.team.id(), hanh.id(), "Chuyển công tác ra Hà Nội", data.manager);
        assertThat(gone.enabled()).isFalse();
        assertThat(users.loadUserByUsername(hanh.email()).isEnabled()).isFalse();
        assertThat(teams.removeMember(data.team.id(), hanh.id(), "Lần nữa", data.manager)
                        .enabled())
                .isFalse();
        assertThat(jdbc.sql("""
                        select reason from audit_entry
                         where entity_type = 'volunteer_team' and entity_id = ? and action = ?""")
                        .param(String.valueOf(data.team.id()))
                        .param("MEMBER_REMOVED")
                        .query(String.class)
                        .list())
                .containsExactly("Chuyển công tác ra Hà Nội");
        assertThat(jdbc.sql("""
                        select reason from audit_entry
                         where entity_type = 'volunteer_team' and entity_id = ? and action = 'UPDATED'""")
                        .param(String.valueOf(data.team.id()))
                        .query(String.class)
                        .list())
                .containsExactly("Đổi theo tên phường");
    }
}
