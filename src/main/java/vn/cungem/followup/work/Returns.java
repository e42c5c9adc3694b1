package vn.cungem.followup.work;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.followup.ReturnReason;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.Reservations.Holding;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Bundles;

/**
 * A device comes back from a student (moved, left school, no longer needs it). Follow-up records the return with its
 * reason and inventory takes the device back (handed over → returned, holder cleared; it must be inspected and wiped
 * again before it is ready), in one transaction.
 *
 * <p>Who may: the officer of the student's school, or a manager covering the school. Inventory decides on an item by
 * the unit where the item is, and a school officer's scope covers no unit, so inventory alone would refuse the school
 * even when the device is in its student's hands. Follow-up has already checked that the officer covers this student
 * and that the device is the one handed to them, so it asks inventory to take the device back as the system on the
 * officer's behalf: the item's history names the officer (account and name, marked as reported by the school), the return row
 * here names them too. A manager's return goes to inventory as the manager, under inventory's own scope rule.
 */
@Service
@Transactional(readOnly = true)
public class Returns {

    public static final String ENTITY = "followup_return";
    public static final int NOTE_MAX = 500;

    public record ReturnView(
            long id,
            long followUpId,
            ReturnReason reason,
            String note,
            String recordedBy,
            OffsetDateTime createdAt,
            String tag) {}

    private final JdbcClient jdbc;
    private final FollowUpAccess access;
    private final Reservations reservations;
    private final Checks checks;
    private final ApplicationEventPublisher events;

    Returns(
            JdbcClient jdbc,
            FollowUpAccess access,
            Reservations reservations,
            Checks checks,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.reservations = reservations;
        this.checks = checks;
        this.events = events;
    }

    /** Whether the caller may record a return (an officer or a manager covering the school), not only see it. */
    public static boolean mayReturn(Caller caller) {
        return FollowUpAccess.isOfficer(caller) || FollowUpAccess.isManager(caller);
    }

    /** The return of a device's follow-up, if it came back. */
    public Optional<ReturnView> of(long followUpId, Caller caller) {
        checks.ofFollowUp(followUpId, caller);
        return jdbc.sql("""
                        select r.id, r.followup_handover_id, r.reason, r.note, r.recorded_by_name, r.created_at, h.tag
                          from followup_return r join followup_handover h on h.id = r.followup_handover_id
                         where r.followup_handover_id = ?""")
                .param(followUpId)
                .query((rs, n) -> new ReturnView(
                        rs.getLong(1),
                        rs.getLong(2),
                        ReturnReason.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7)))
                .optional();
    }

    /**
     * Records the return and takes the device back. A retry with the same key answers the first return; a second return
     * of the same device under another key is refused, as is a device no longer with this student.
     */
    @Transactional
    public ReturnView record(long followUpId, ReturnReason reason, String rawNote, String rawKey, Caller caller) {
        String key = Keys.of(rawKey);
        var check = checks.ofFollowUp(followUpId, caller).get(0);
        if (!mayReturn(caller)) {
            throw new NotFoundException("followup_handover", followUpId);
        }
        Optional<Long> earlier = jdbc.sql("select followup_handover_id from followup_return where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .optional();
        if (earlier.isPresent()) {
            if (earlier.get() != followUpId) {
                throw InvalidValueException.of("followup.key-used", "followup.error.key-used");
            }
            return of(followUpId, caller).orElseThrow();
        }
        if (reason == null) {
            throw InvalidValueException.of("followup.return-reason", "followup.return.error.reason");
        }
        String note = rawNote == null || rawNote.isBlank() ? null : rawNote.strip();
        if (note != null && note.length() > NOTE_MAX) {
            throw InvalidValueException.of("followup.note", "followup.error.note", NOTE_MAX);
        }
        if (reason == ReturnReason.OTHER && note == null) {
            throw InvalidValueException.of("followup.return-note", "followup.return.error.note");
        }
        Optional<ReturnView> done = of(followUpId, caller);
        if (done.isPresent()) {
            throw ConflictException.of(
                    "followup.returned",
                    "followup.return.error.twice",
                    check.tag(),
                    done.get().recordedBy());
        }
        Holding item = reservations.byTag(check.tag()).orElseThrow(() -> new NotFoundException("item", check.tag()));
        if (item.studentId() == null || item.studentId() != check.studentId()) {
            throw ConflictException.of("followup.not-held", "followup.return.error.not-held", check.tag());
        }
        String why = Bundles.vi(reason.labelKey()) + (note == null ? "" : " — " + note);
        reservations.takeBack(check.tag(), why, "followup-return-" + key, inventoryCaller(caller));
        jdbc.sql("""
                        insert into followup_return (followup_handover_id, reason, note, recorded_by_account_id,
                                                     recorded_by_name, idempotency_key, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        followUpId,
                        reason.name(),
                        note,
                        caller.accountId(),
                        caller.displayName(),
                        key,
                        OffsetDateTime.now())
                .update();
        jdbc.sql("update followup_handover set returned = true where id = ?")
                .param(followUpId)
                .update();
        checks.cancelOpenChecks(followUpId);
        events.publishEvent(DomainChange.created(
                ENTITY, followUpId, check.unitId(), Map.of("tag", check.tag(), "reason", reason.name())));
        return of(followUpId, caller).orElseThrow();
    }

    /** The caller inventory sees: a manager as themselves; a school officer as the system acting for them, named. */
    private static Caller inventoryCaller(Caller caller) {
        if (caller.is(Role.SCHOOL_OFFICER)) {
            return new Caller(
                    caller.accountId(),
                    Bundles.vi("followup.return.for-school", caller.displayName()),
                    Role.SYSTEM_ADMIN,
                    Scope.EVERYTHING);
        }
        return caller;
    }
}
