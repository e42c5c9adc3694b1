package vn.cungem.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Reservations.Claim;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.work.ItemWork;
import vn.cungem.inventory.work.ReservationTestData;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class ReservationsIntegrationTests {

    @Autowired
    Reservations reservations;

    @Autowired
    ItemWork work;

    @Autowired
    Inventory inventory;

    @Autowired
    vn.cungem.inventory.work.Wipes wipes;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    vn.cungem.inventory.tally.ItemTallies tallies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    ReservationTestData data;
    Caller manager;
    Caller volunteer;
    Caller officer;

    @BeforeEach
    void setUp() {
        data = new ReservationTestData(new WorkshopTestData(fixtures, jdbc, events, tx, inventory), fixtures, jdbc);
        manager = fixtures.manager(data.workshop.district).caller();
        volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.workshop.district, null, null)
                .caller();
        officer = fixtures.account(Role.SCHOOL_OFFICER, data.workshop.district, data.school, null)
                .caller();
    }

    @Test
    void aPlanReservesHandsOverAndTakesBackWithTheHolderKeptOnTheDevice() {
        long item = data.readyDevice(ItemType.LAPTOP);
        long lan = data.student("Nguyễn Thị Lan");
        assertThat(reservations.refusals(data.workshop.campaign, List.of(new Claim(item, lan))))
                .isEmpty();

        assertThat(reservations.reserveAll(data.workshop.campaign, "PLAN-1", List.of(new Claim(item, lan)), manager))
                .isEqualTo(1);
        String tag = data.tagOf(item);
        assertThat(reservations.byTag(tag).orElseThrow())
                .extracting(
                        Reservations.Holding::status, Reservations.Holding::studentId, Reservations.Holding::reference)
                .containsExactly(ItemStatus.RESERVED, lan, "PLAN-1");
        assertThat(reservations.refusals(data.workshop.campaign, List.of(new Claim(item, lan))))
                .singleElement()
                .extracting(Reservations.Refusal::status, Reservations.Refusal::heldFor)
                .containsExactly(ItemStatus.RESERVED, lan);

        var handed = reservations.handOver(tag, lan, "BG-1", "key-handover-1", volunteer);
        assertThat(handed.status()).isEqualTo(ItemStatus.HANDED_OVER);
        assertThat(handed.studentId()).isEqualTo(lan);
        // the phone sends it again after a lost answer: nothing more happens
        assertThat(reservations
                        .handOver(tag, lan, "BG-1", "key-handover-1", volunteer)
                        .version())
                .isEqualTo(handed.version());
        assertThat(reservations.heldBy(List.of(lan)))
                .extracting(Reservations.Holding::tag)
                .containsExactly(tag);

        // the school's officer takes it back once the device is placed at the school (handover's transfer); here the
        // device is still at the district's collection point, where the officer's scope does not reach
        assertThatThrownBy(() -> reservations.takeBack(tag, "Học sinh chuyển trường", null, officer))
                .isInstanceOf(vn.cungem.shared.NotFoundException.class);
        var back = reservations.takeBack(tag, "Học sinh chuyển trường", null, manager);
        assertThat(back.status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(back.studentId()).isNull();
        assertThat(back.reference()).isNull();
        assertThat(inventory.events(item))
                .extracting(Inventory.Event::status)
                .containsSubsequence("ALLOCATED", "HANDED_OVER", "RETURNED");
        long other = data.readyDevice(ItemType.LAPTOP);
        reservations.reserveAll(data.workshop.campaign, "PLAN-C", List.of(new Claim(other, lan)), manager);
        assertThat(tallies.differences(data.workshop.campaign)).isEmpty();
    }

    @Test
    void aDeviceReservedForOneStudentIsNotHandedToAnother() {
        long item = data.readyDevice(ItemType.TABLET);
        long lan = data.student("Nguyễn Thị Lan");
        long huy = data.student("Đỗ Tuấn Huy");
        reservations.reserveAll(data.workshop.campaign, "PLAN-2", List.of(new Claim(item, lan)), manager);
        String tag = data.tagOf(item);

        assertThatThrownBy(() -> reservations.handOver(tag, huy, "BG-2", null, volunteer))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("inventory.held-by-other");
                    assertThat(e.messageVi()).contains(tag).contains("học sinh khác");
                });
        assertThat(reservations.byTag(tag).orElseThrow().studentId()).isEqualTo(lan);
    }

    @Test
    void aBatchWithOneDeviceNoLongerReadyReservesNothing() {
        long first = data.readyDevice(ItemType.LAPTOP);
        long second = data.readyDevice(ItemType.LAPTOP);
        long taken = data.readyDevice(ItemType.LAPTOP);
        long lan = data.student("Nguyễn Thị Lan");
        long huy = data.student("Đỗ Tuấn Huy");
        long mai = data.student("Trần Thị Mai");
        reservations.reserveAll(data.workshop.campaign, "PLAN-A", List.of(new Claim(taken, mai)), manager);

        assertThatThrownBy(() -> reservations.reserveAll(
                        data.workshop.campaign,
                        "PLAN-B",
                        List.of(new Claim(first, lan), new Claim(second, huy), new Claim(taken, lan)),
                        manager))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("inventory.not-reservable");
                    assertThat(e.messageVi())
                            .contains("Không giữ được 1 thiết bị")
                            .contains(data.tagOf(taken));
                });
        assertThat(reservations.ofReference("PLAN-B")).isEmpty();
        assertThat(reservations.byTag(data.tagOf(first)).orElseThrow().status()).isEqualTo(ItemStatus.READY);
        assertThat(reservations.byTag(data.tagOf(taken)).orElseThrow().studentId())
                .isEqualTo(mai);
    }

    @Test
    void onlyManagersReserveAndNobodyReservesOrHandsOverByAPlainMove() {
        long item = data.readyDevice(ItemType.LAPTOP);
        long lan = data.student("Nguyễn Thị Lan");
        assertThatThrownBy(() -> reservations.reserveAll(
                        data.workshop.campaign, "PLAN-V", List.of(new Claim(item, lan)), volunteer))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("inventory.move-role"));
        assertThatThrownBy(() -> work.move(data.tagOf(item), ItemMove.RESERVE, null, null, null, manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("inventory.move-by-allocation"));
        assertThatThrownBy(() -> reservations.reserveAll(
                        data.workshop.campaign, "PLAN-T", List.of(new Claim(item, lan), new Claim(item, lan)), manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("inventory.reserve-twice"));
    }

    @Test
    void releasingAndLosingADeviceClearItsHolderAndTheDatabaseRefusesAHolderlessReservation() {
        long kept = data.readyDevice(ItemType.LAPTOP);
        long lost = data.readyDevice(ItemType.LAPTOP);
        long lan = data.student("Nguyễn Thị Lan");
        long huy = data.student("Đỗ Tuấn Huy");
        reservations.reserveAll(
                data.workshop.campaign, "PLAN-R", List.of(new Claim(kept, lan), new Claim(lost, huy)), manager);

        assertThat(reservations
                        .release(data.tagOf(kept), "Kế hoạch thay đổi", null, manager)
                        .studentId())
                .isNull();
        work.move(data.tagOf(lost), ItemMove.REPORT_LOST, null, "Thất lạc khi vận chuyển", null, manager);
        assertThat(reservations.byTag(data.tagOf(lost)).orElseThrow().studentId())
                .isNull();

        assertThatThrownBy(() -> jdbc.sql("update inventory_item set status = 'RESERVED' where id = ?")
                        .param(kept)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    /** Two managers approve overlapping plans at the same moment: each device ends with one student, never two. */
    @Test
    void overlappingApprovalsAtTheSameMomentNeverReserveADeviceTwice() throws Exception {
        List<Long> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(data.readyDevice(ItemType.LAPTOP));
        }
        long lan = data.student("Nguyễn Thị Lan");
        long huy = data.student("Đỗ Tuấn Huy");
        Caller other = fixtures.manager(data.workshop.district).caller();
        // plan A wants items 0–3, plan B items 2–5, in the opposite order
        List<Claim> planA =
                items.subList(0, 4).stream().map(i -> new Claim(i, lan)).toList();
        List<Claim> planB = new ArrayList<>(
                items.subList(2, 6).stream().map(i -> new Claim(i, huy)).toList());
        java.util.Collections.reverse(planB);
        for (int round = 0; round < 5; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            String a = "A-" + round;
            String b = "B-" + round;
            try {
                Future<Object> fa = pool.submit(approve(start, a, planA, manager));
                Future<Object> fb = pool.submit(approve(start, b, planB, other));
                Object ra = fa.get();
                Object rb = fb.get();
                assertThat(List.of(ra, rb))
                        .as("round %d: one approval wins, the other is refused whole", round)
                        .containsExactlyInAnyOrder(4, "inventory.not-reservable");
            } finally {
                pool.shutdownNow();
            }
            int heldA = reservations.ofReference(a).size();
            int heldB = reservations.ofReference(b).size();
            assertThat(List.of(heldA, heldB)).containsExactlyInAnyOrder(4, 0);
            for (long item : items) {
                var h = reservations.byTag(data.tagOf(item)).orElseThrow();
                if (h.status() == ItemStatus.RESERVED) {
                    reservations.release(h.tag(), "Vòng thử tiếp theo", null, manager);
                }
            }
        }
    }

    private Callable<Object> approve(CyclicBarrier start, String reference, List<Claim> claims, Caller caller) {
        return () -> {
            start.await();
            try {
                return reservations.reserveAll(data.workshop.campaign, reference, claims, caller);
            } catch (ConflictException e) {
                return e.code();
            }
        };
    }
}
