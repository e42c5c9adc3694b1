package vn.cungem.followup.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.followup.CheckAnswer;
import vn.cungem.followup.CheckSchedule;
import vn.cungem.followup.Learning;
import vn.cungem.handover.DeviceHandedOver;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/**
 * The checks: planned when a device is handed over, listed for the school that makes them, recorded once. A recorded
 * problem opens a support case in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class Checks {

    public static final String ENTITY = "followup_check";
    public static final int PAGE = 200;

    /** Which checks a list shows: those whose date has come, those still ahead, those recorded. */
    public enum Show {
        DUE,
        UPCOMING,
        DONE
    }

    static final String SELECT = """
            select c.id, c.followup_handover_id, c.after_days, c.due_on, c.status, c.learning, c.device_broken,
                   c.sim_expired, c.no_signal, c.other_problem, c.note, c.recorded_at, c.recorded_by_name,
                   h.campaign_id, h.student_id, h.school_id, h.unit_id, h.item_id, h.tag, h.handed_on, h.returned
              from followup_check c join followup_handover h on h.id = c.followup_handover_id
            """;

    private final JdbcClient jdbc;
    private final CheckSchedules schedules;
    private final SchoolDirectory schools;
    private final FollowUpAccess access;
    private final SupportCases cases;
    private final ApplicationEventPublisher events;

    Checks(
            JdbcClient jdbc,
            CheckSchedules schedules,
            SchoolDirectory schools,
            FollowUpAccess access,
            SupportCases cases,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.schools = schools;
        this.access = access;
        this.cases = cases;
        this.events = events;
    }

    /**
     * Plans the checks of a device just handed over, in the transaction that records the handover, so checks exist for
     * exactly the handovers that happened. The same handover delivered again adds nothing (its id is unique here).
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(DeviceHandedOver e) {
        boolean known = jdbc.sql("select count(*) from followup_handover where handover_id = ?")
                        .param(e.handoverId())
                        .query(Long.class)
                        .single()
                > 0;
        if (known) {
            return;
        }
        School school = schools.find(e.schoolId()).orElseThrow(() -> new NotFoundException("school", e.schoolId()));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into followup_handover (handover_id, campaign_id, student_id, school_id, unit_id,
                                                       item_id, tag, handed_on, returned, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)""")
                .params(
                        e.handoverId(),
                        e.campaignId(),
                        e.studentId(),
                        e.schoolId(),
                        school.unitId(),
                        e.itemId(),
                        e.tag(),
                        e.handedOn(),
                        OffsetDateTime.now())
                .update(keys, "id");
        long followUpId = keys.getKeyAs(Number.class).longValue();
        CheckSchedule schedule = schedules.of(e.campaignId());
        for (int days : schedule.afterDays()) {
            jdbc.sql("""
                            insert into followup_check (followup_handover_id, after_days, due_on, status,
                                                        device_broken, sim_expired, no_signal, other_problem)
                            values (?, ?, ?, 'DUE', false, false, false, false)""").params(followUpId, days, e.handedOn().plusDays(days)).update();
        }
        events.publishEvent(DomainChange.created(
                "followup_handover",
                followUpId,
                school.unitId(),
                Map.of("tag", e.tag(), "handedOn", e.handedOn().toString(), "checks", schedule.text())));
    }

    /** The checks of the caller's schools, soonest first: due now (overdue first), upcoming, or recorded (newest). */
    public List<CheckView> list(Show show, Long campaignId, Caller caller) {
        LocalDate today = FollowUpAccess.today();
        String where = switch (show == null ? Show.DUE : show) {
            case DUE -> "c.status = 'DUE' and c.due_on <= :today order by c.due_on, c.id";
            case UPCOMING -> "c.status = 'DUE' and c.due_on > :today order by c.due_on, c.id";
            case DONE -> "c.status = 'DONE' order by c.recorded_at desc, c.id desc";
        };
        String campaign = campaignId == null ? "" : " and h.campaign_id = " + campaignId.longValue();
        var query = jdbc.sql(SELECT + " where " + access.filter(caller, "h") + campaign + " and " + where
                + " fetch first " + PAGE + " rows only");
        if (show != Show.DONE) {
            query = query.param("today", today);
        }
        return query.query(Checks::row).list();
    }

    /** Every check of one device's follow-up, for whoever covers its school. */
    public List<CheckView> ofFollowUp(long followUpId, Caller caller) {
        List<CheckView> all = jdbc.sql(SELECT + " where c.followup_handover_id = ? order by c.due_on, c.id")
                .param(followUpId)
                .query(Checks::row)
                .list();
        if (all.isEmpty()
                || !access.covers(caller, all.get(0).schoolId(), all.get(0).unitId())) {
            throw new NotFoundException("followup_handover", followUpId);
        }
        return all;
    }

    public CheckView get(long id, Caller caller) {
        CheckView check = find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (!access.covers(caller, check.schoolId(), check.unitId())) {
            throw new NotFoundException(ENTITY, id);
        }
        return check;
    }

    /** A recorded check and the support case its problems opened, if any; {@code repeated} for a retry. */
    public record Recorded(CheckView check, Long caseId, boolean repeated) {}

    /**
     * The school records a check. A retry with the same key answers the first outcome; recording a check already
     * recorded under another key, or of a device returned, is refused with who did what.
     */
    @Transactional
    public Recorded record(long id, CheckAnswer answer, String rawKey, Caller caller) {
        String key = Keys.of(rawKey);
        CheckView check = get(id, caller);
        Long usedBy = jdbc.sql("select id from followup_check where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (usedBy != null && usedBy != id) {
            throw InvalidValueException.of("followup.key-used", "followup.error.key-used");
        }
        if (check.isDone()) {
            if (usedBy != null) {
                return new Recorded(check, cases.idOfCheck(id), true);
            }
            throw ConflictException.of(
                    "followup.check-done",
                    "followup.check.error.done",
                    check.recordedBy(),
                    check.recordedAt().atZoneSameInstant(FollowUpAccess.VIETNAM).toLocalDate());
        }
        if (CheckView.CANCELLED.equals(check.status())) {
            throw ConflictException.of("followup.check-cancelled", "followup.check.error.cancelled", check.tag());
        }
        int changed = jdbc.sql("""
                        update followup_check
                           set status = 'DONE', learning = ?, device_broken = ?, sim_expired = ?, no_signal = ?,
                               other_problem = ?, note = ?, recorded_at = ?, recorded_by_account_id = ?,
                               recorded_by_name = ?, idempotency_key = ?
                         where id = ? and status = 'DUE'""")
                .params(
                        answer.learning().name(),
                        answer.deviceBroken(),
                        answer.simExpired(),
                        answer.noSignal(),
                        answer.otherProblem(),
                        answer.note(),
                        OffsetDateTime.now(),
                        caller.accountId(),
                        caller.displayName(),
                        key,
                        id)
                .update();
        if (changed == 0) {
            // another request recorded it between our read and our write: answer as the first one did
            return record(id, answer, key, caller);
        }
        Long caseId = answer.hasProblem() ? cases.open(id, check) : null;
        events.publishEvent(DomainChange.updated(
                ENTITY,
                id,
                check.unitId(),
                Map.of("status", CheckView.DUE),
                Map.of(
                        "status",
                        CheckView.DONE,
                        "learning",
                        answer.learning().name(),
                        "problems",
                        String.join(",", answer.problemKeys())),
                null));
        return new Recorded(find(id).orElseThrow(), caseId, false);
    }

    /** Checks not yet made of a device that came back are cancelled: nobody checks a device the student gave back. */
    void cancelOpenChecks(long followUpId) {
        jdbc.sql("update followup_check set status = 'CANCELLED' where followup_handover_id = ? and status = 'DUE'")
                .param(followUpId)
                .update();
    }

    java.util.Optional<CheckView> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(Checks::row).optional();
    }

    static CheckView row(ResultSet rs, int n) throws SQLException {
        String learning = rs.getString("learning");
        return new CheckView(
                rs.getLong("id"),
                rs.getLong("followup_handover_id"),
                rs.getInt("after_days"),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("status"),
                learning == null ? null : Learning.valueOf(learning),
                rs.getBoolean("device_broken"),
                rs.getBoolean("sim_expired"),
                rs.getBoolean("no_signal"),
                rs.getBoolean("other_problem"),
                rs.getString("note"),
                rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getString("recorded_by_name"),
                rs.getLong("campaign_id"),
                rs.getLong("student_id"),
                rs.getLong("school_id"),
                rs.getLong("unit_id"),
                rs.getLong("item_id"),
                rs.getString("tag"),
                rs.getObject("handed_on", LocalDate.class),
                rs.getBoolean("returned"));
    }
}
