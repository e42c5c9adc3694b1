package vn.cungem.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.handover.DeviceHandedOver;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.work.ReservationTestData;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.TestFixtures;

/**
 * A district with a campaign, a school, its officer and manager, and devices really reserved and handed over through
 * inventory's {@link Reservations}; the handover event is published here as the handover module does, inside a
 * transaction.
 */
public final class FollowUpTestData {

    private static final AtomicLong HANDOVER_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    public final ReservationTestData reservation;
    public final AccountDetails managerAccount;
    public final AccountDetails officerAccount;
    public final Caller manager;
    public final Caller officer;
    private final Reservations reservations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    /** One handed-over device: its event (to deliver again), the item, and the student who has it. */
    public record Handed(DeviceHandedOver event, long itemId, String tag, long studentId) {}

    public FollowUpTestData(
            TestFixtures fixtures,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Inventory inventory,
            Reservations reservations) {
        this.reservations = reservations;
        this.events = events;
        this.tx = tx;
        this.jdbc = jdbc;
        reservation =
                new ReservationTestData(new WorkshopTestData(fixtures, jdbc, events, tx, inventory), fixtures, jdbc);
        managerAccount = fixtures.manager(reservation.workshop.district);
        manager = managerAccount.caller();
        officerAccount = fixtures.account(Role.SCHOOL_OFFICER, reservation.workshop.district, reservation.school, null);
        officer = officerAccount.caller();
    }

    public long campaign() {
        return reservation.workshop.campaign;
    }

    /** A laptop reserved for a new student, handed over on {@code handedOn}, and the event published once. */
    public Handed handOver(String studentName, LocalDate handedOn) {
        long item = reservation.readyDevice(ItemType.LAPTOP);
        long student = reservation.student(studentName);
        String plan = TestFixtures.unique("PLAN-");
        reservations.reserveAll(campaign(), plan, List.of(new Reservations.Claim(item, student)), manager);
        String tag = reservation.tagOf(item);
        reservations.handOver(tag, student, TestFixtures.unique("BG-"), null, manager);
        DeviceHandedOver event = new DeviceHandedOver(
                HANDOVER_IDS.incrementAndGet(), campaign(), student, reservation.school, item, tag, handedOn);
        deliver(event);
        return new Handed(event, item, tag, student);
    }

    /** Delivers the event as the handover module does: inside the transaction that records the handover. */
    public void deliver(DeviceHandedOver event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** The follow-up id of a handover. */
    public long followUpOf(Handed handed) {
        return jdbc.sql("select id from followup_handover where handover_id = ?")
                .param(handed.event().handoverId())
                .query(Long.class)
                .single();
    }
}
