package vn.cungem.allocation.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.plans.PlanAccess.PlanRow;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;

/**
 * One assignment changed by hand. The item goes to the chosen student; what the student held of the same sort goes to
 * the item's previous holder (a swap), or back to the unused items; a previous holder left with nothing gets a note.
 * Lines are deleted and written again in one transaction, so the unique keys see the final state only; the invariants
 * are then counted again, and a violation rolls the change back.
 */
@Component
public class PlanChanges {

    /** What the change did, for the audit trail and the page. */
    public record Changed(long changeId, Map<String, Object> before, Map<String, Object> after) {}

    record Line(
            int line,
            Long studentId,
            Long itemId,
            String tag,
            Boolean device,
            String reason,
            long districtId,
            long unitId,
            Long schoolId,
            int rank,
            String kind,
            String level) {}

    private static final String COLUMNS = "line, student_id, item_id, item_tag, device, reason, district_id, unit_id,"
            + " school_id, rank, kind, school_level";

    private final JdbcClient jdbc;
    private final PlanAccess access;

    PlanChanges(JdbcClient jdbc, PlanAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public Changed reassign(PlanRow plan, String itemTag, long studentId, String reason, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw InvalidValueException.of("allocation.change.reason", "allocation.error.reason-required");
        }
        if (reason.strip().length() > 500) {
            throw InvalidValueException.of("allocation.change.reason", "allocation.error.reason-long");
        }
        String tag = itemTag == null ? "" : itemTag.strip().toUpperCase(Locale.ROOT);
        String scope = access.lineFilter(caller, "unit_id");
        Line item = lines(plan.id(), "item_tag = ? and " + scope, tag).stream()
                .findFirst()
                .orElseThrow(() ->
                        InvalidValueException.of("allocation.change.item", "allocation.error.item-not-in-plan", tag));
        boolean device = ItemKind.valueOf(item.kind()).isDevice();
        List<Line> ofStudent = lines(plan.id(), "student_id = ? and " + scope, studentId);
        if (ofStudent.isEmpty()) {
            throw InvalidValueException.of(
                    "allocation.change.student", "allocation.error.student-not-in-plan", Long.toString(studentId));
        }
        if (item.studentId() != null && item.studentId() == studentId) {
            throw InvalidValueException.of("allocation.change.same", "allocation.error.already-holds", tag);
        }
        Line held = ofStudent.stream()
                .filter(l -> l.device() != null && l.device() == device)
                .findFirst()
                .orElse(null);
        // the student's notes the change makes untrue: left out (for a device) or short of a SIM (for connectivity)
        List<Line> notes = ofStudent.stream()
                .filter(l -> l.itemId() == null)
                .filter(l -> device != "NO_CONNECTIVITY_LEFT".equals(l.reason()))
                .toList();
        Line student = held != null ? held : ofStudent.get(0);
        long changeId = record(plan.id(), item, studentId, held, reason.strip(), caller);

        delete(plan.id(), item.line());
        if (held != null) {
            delete(plan.id(), held.line());
        }
        notes.forEach(n -> delete(plan.id(), n.line()));
        int studentLine = held != null
                ? held.line()
                : notes.isEmpty() ? next(plan.id()) : notes.get(0).line();
        insert(
                plan.id(),
                studentLine,
                studentId,
                item.itemId(),
                item.tag(),
                device,
                "MANUAL",
                student,
                item.kind(),
                changeId);
        if (item.studentId() != null && held != null) {
            insert(
                    plan.id(),
                    item.line(),
                    item.studentId(),
                    held.itemId(),
                    held.tag(),
                    device,
                    "MANUAL",
                    item,
                    held.kind(),
                    changeId);
        } else if (item.studentId() != null) {
            insert(
                    plan.id(),
                    item.line(),
                    item.studentId(),
                    null,
                    null,
                    null,
                    "MANUAL_MOVED",
                    item,
                    item.kind(),
                    changeId);
        } else if (held != null) {
            insert(
                    plan.id(),
                    item.line(),
                    null,
                    held.itemId(),
                    held.tag(),
                    null,
                    "MANUAL_FREED",
                    student,
                    held.kind(),
                    changeId);
        }
        checkInvariants(plan.id());

        Map<String, Object> before = new LinkedHashMap<>();
        before.put("item", tag);
        before.put("heldBy", item.studentId() == null ? "-" : item.studentId());
        before.put("studentHad", held == null ? "-" : held.tag());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", tag);
        after.put("heldBy", studentId);
        after.put("previousHolderGets", item.studentId() == null || held == null ? "-" : held.tag());
        return new Changed(changeId, before, after);
    }

    private long record(long planId, Line item, long studentId, Line held, String reason, Caller caller) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into allocation_change (plan_id, item_id, student_id, previous_student_id,
                                                       previous_item_id, reason, account_id, actor_name, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        planId,
                        item.itemId(),
                        studentId,
                        item.studentId(),
                        held == null ? null : held.itemId(),
                        reason,
                        caller.accountId(),
                        caller.displayName(),
                        OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private void insert(
            long planId,
            int line,
            Long studentId,
            Long itemId,
            String tag,
            Boolean device,
            String reason,
            Line where,
            String kind,
            long changeId) {
        jdbc.sql("""
                        insert into allocation_line (plan_id, line, student_id, item_id, item_tag, device, reason,
                                                     district_id, unit_id, school_id, rank, kind, school_level,
                                                     pool_devices, change_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        planId,
                        line,
                        studentId,
                        itemId,
                        tag,
                        device,
                        reason,
                        where.districtId(),
                        where.unitId(),
                        where.schoolId(),
                        where.rank(),
                        kind,
                        where.level(),
                        changeId)
                .update();
    }

    /** The engine's invariants, counted again on the stored plan: an item once, one device and one SIM a student. */
    private void checkInvariants(long planId) {
        long twice = jdbc.sql("""
                        select count(*) from (select item_id from allocation_line where plan_id = ? and item_id is not null
                                               group by item_id having count(*) > 1) x""").param(planId).query(Long.class).single()
                + jdbc.sql("""
                                select count(*) from (select student_id, device from allocation_line
                                                       where plan_id = ? and device is not null
                                                       group by student_id, device having count(*) > 1) x""").param(planId).query(Long.class).single();
        if (twice > 0) {
            throw ConflictException.of("allocation.change.invariant", "allocation.error.invariant");
        }
    }

    private List<Line> lines(long planId, String condition, Object value) {
        return jdbc.sql("select " + COLUMNS + " from allocation_line where plan_id = ? and " + condition
                        + " order by line")
                .params(planId, value)
                .query(PlanChanges::line)
                .list();
    }

    private void delete(long planId, int line) {
        jdbc.sql("delete from allocation_line where plan_id = ? and line = ?")
                .params(planId, line)
                .update();
    }

    private int next(long planId) {
        return jdbc.sql("select coalesce(max(line), 0) + 1 from allocation_line where plan_id = ?")
                .param(planId)
                .query(Integer.class)
                .single();
    }

    private static Line line(ResultSet rs, int n) throws SQLException {
        return new Line(
                rs.getInt(1),
                rs.getObject(2, Long.class),
                rs.getObject(3, Long.class),
                rs.getString(4),
                rs.getObject(5, Boolean.class),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getObject(9, Long.class),
                rs.getInt(10),
                rs.getString(11),
                rs.getString(12));
    }
}
