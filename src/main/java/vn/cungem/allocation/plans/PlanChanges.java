package vn.cungem.allocation.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.dao.DataIntegrityViolationException;
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
 * Decisions are deleted and written again in one transaction, so the unique keys see the final state only and refuse
 * any change that would give an item twice or a student two devices; notes are rewritten block by block.
 */
@Component
public class PlanChanges {

    /** What the change did, for the audit trail and the page. */
    public record Changed(long changeId, Map<String, Object> before, Map<String, Object> after) {}

    record Decision(
            int line,
            long studentId,
            long itemId,
            String tag,
            boolean device,
            long districtId,
            long unitId,
            Long schoolId,
            int rank,
            String kind,
            String level) {}

    /** A note and the block that holds it. */
    record Located(NoteBlocks.Block block, PlanNotes.Note note) {}

    private static final String COLUMNS = "line, student_id, item_id, item_tag, device, district_id, unit_id,"
            + " school_id, rank, kind, school_level";

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final NoteBlocks blocks;

    PlanChanges(JdbcClient jdbc, PlanAccess access, NoteBlocks blocks) {
        this.jdbc = jdbc;
        this.access = access;
        this.blocks = blocks;
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
        Decision given = decisions(plan.id(), "item_tag = ? and " + scope, tag).stream()
                .findFirst()
                .orElse(null);
        Located unused = given != null
                ? null
                : notes(plan.id(), "category = 'UNUSED' and " + scope, n -> tag.equals(n.tag())).stream()
                        .findFirst()
                        .orElseThrow(() -> InvalidValueException.of(
                                "allocation.change.item", "allocation.error.item-not-in-plan", tag));
        String itemKind = given != null ? given.kind() : unused.note().kind();
        long itemId = given != null ? given.itemId() : unused.note().id();
        boolean device = ItemKind.valueOf(itemKind).isDevice();
        List<Decision> ofStudent = decisions(plan.id(), "student_id = ? and " + scope, studentId);
        List<Located> studentNotes = notes(
                plan.id(),
                "category <> 'UNUSED' and min_id <= " + studentId + " and max_id >= " + studentId + " and " + scope,
                n -> n.id() == studentId);
        if (ofStudent.isEmpty() && studentNotes.isEmpty()) {
            throw InvalidValueException.of(
                    "allocation.change.student", "allocation.error.student-not-in-plan", Long.toString(studentId));
        }
        if (given != null && given.studentId() == studentId) {
            throw InvalidValueException.of("allocation.change.same", "allocation.error.already-holds", tag);
        }
        Decision held =
                ofStudent.stream().filter(d -> d.device() == device).findFirst().orElse(null);
        // the student's notes the change makes untrue: left out or sharing (for a device), short of a SIM (otherwise)
        List<Located> untrue = studentNotes.stream()
                .filter(l -> device != (l.block().category() == PlanNotes.Category.NO_CONNECTIVITY))
                .toList();
        Decision place = held != null ? held : ofStudent.isEmpty() ? null : ofStudent.get(0);
        NoteBlocks.Block home = place == null ? studentNotes.get(0).block() : null;
        int rank = place != null ? place.rank() : studentNotes.get(0).note().rank();
        String level =
                place != null ? place.level() : studentNotes.get(0).note().level();
        long changeId = record(plan.id(), itemId, given, studentId, held, reason.strip(), caller);
        int nextLine = nextLine(plan.id());

        if (given != null) {
            delete(plan.id(), given.itemId());
        } else {
            remove(plan.id(), List.of(unused));
        }
        if (held != null) {
            delete(plan.id(), held.itemId());
        }
        remove(plan.id(), untrue);
        int studentLine = held != null
                ? held.line()
                : untrue.isEmpty() ? nextLine : untrue.get(0).note().line();
        try {
            insert(
                    plan.id(),
                    new Decision(
                            studentLine,
                            studentId,
                            itemId,
                            tag,
                            device,
                            place != null ? place.districtId() : home.districtId(),
                            place != null ? place.unitId() : home.unitId(),
                            place != null ? place.schoolId() : home.schoolId(),
                            rank,
                            itemKind,
                            level),
                    changeId);
            if (given != null && held != null) {
                insert(
                        plan.id(),
                        new Decision(
                                given.line(),
                                given.studentId(),
                                held.itemId(),
                                held.tag(),
                                device,
                                given.districtId(),
                                given.unitId(),
                                given.schoolId(),
                                given.rank(),
                                held.kind(),
                                given.level()),
                        changeId);
            }
        } catch (DataIntegrityViolationException twice) {
            throw ConflictException.of("allocation.change.invariant", "allocation.error.invariant");
        }
        if (given != null && held == null) {
            blocks.add(
                    plan.id(),
                    PlanNotes.Category.LEFT_OUT,
                    given.districtId(),
                    given.unitId(),
                    given.schoolId(),
                    new PlanNotes.Note(
                            given.line(),
                            given.studentId(),
                            null,
                            "MANUAL_MOVED",
                            given.rank(),
                            given.kind(),
                            null,
                            null,
                            given.level(),
                            0,
                            0,
                            changeId));
        } else if (given == null && held != null) {
            blocks.add(
                    plan.id(),
                    PlanNotes.Category.UNUSED,
                    held.districtId(),
                    held.unitId(),
                    held.schoolId(),
                    new PlanNotes.Note(
                            unused.note().line(),
                            held.itemId(),
                            held.tag(),
                            "MANUAL_FREED",
                            0,
                            held.kind(),
                            null,
                            null,
                            null,
                            0,
                            0,
                            changeId));
        }

        Map<String, Object> before = new LinkedHashMap<>();
        before.put("item", tag);
        before.put("heldBy", given == null ? "-" : given.studentId());
        before.put("studentHad", held == null ? "-" : held.tag());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("item", tag);
        after.put("heldBy", studentId);
        after.put("previousHolderGets", given == null || held == null ? "-" : held.tag());
        return new Changed(changeId, before, after);
    }

    private long record(
            long planId, long itemId, Decision given, long studentId, Decision held, String reason, Caller caller) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into allocation_change (plan_id, item_id, student_id, previous_student_id,
                                                       previous_item_id, reason, account_id, actor_name, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        planId,
                        itemId,
                        studentId,
                        given == null ? null : given.studentId(),
                        held == null ? null : held.itemId(),
                        reason,
                        caller.accountId(),
                        caller.displayName(),
                        OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private void insert(long planId, Decision d, long changeId) {
        jdbc.sql("""
                        insert into allocation_assignment (plan_id, item_id, student_id, line, item_tag, device, kind,
                                                           reason, district_id, unit_id, school_id, rank,
                                                           school_level, pool_devices, change_id)
                        values (?, ?, ?, ?, ?, ?, ?, 'MANUAL', ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        planId,
                        d.itemId(),
                        d.studentId(),
                        d.line(),
                        d.tag(),
                        d.device(),
                        d.kind(),
                        d.districtId(),
                        d.unitId(),
                        d.schoolId(),
                        d.rank(),
                        d.level(),
                        changeId)
                .update();
    }

    /**
     * A line number no other line of the plan has: a plan has at most one line per student and per item, so numbers
     * past their sum, one per change, are free.
     */
    private int nextLine(long planId) {
        return jdbc.sql("""
                        select p.student_count + p.item_count + (select count(*) from allocation_change c
                                                                  where c.plan_id = p.id)
                          from allocation_plan p where p.id = ?""").param(planId).query(Integer.class).single();
    }

    private List<Decision> decisions(long planId, String condition, Object value) {
        return jdbc.sql("select " + COLUMNS + " from allocation_assignment where plan_id = ? and " + condition
                        + " order by line")
                .params(planId, value)
                .query(PlanChanges::decision)
                .list();
    }

    /** The notes matching {@code test} in the blocks matching {@code condition}. */
    private List<Located> notes(long planId, String condition, Predicate<PlanNotes.Note> test) {
        List<Located> found = new ArrayList<>();
        for (NoteBlocks.Block header : blocks.headers(planId, condition)) {
            NoteBlocks.Block block = blocks.read(planId, header);
            block.notes().stream().filter(test).forEach(n -> found.add(new Located(block, n)));
        }
        return found;
    }

    /** Takes notes out of their blocks, each block rewritten once. */
    private void remove(long planId, List<Located> notes) {
        Map<Integer, List<Located>> byBlock = new LinkedHashMap<>();
        notes.forEach(l -> byBlock.computeIfAbsent(l.block().block(), b -> new ArrayList<>())
                .add(l));
        for (List<Located> inBlock : byBlock.values()) {
            NoteBlocks.Block block = blocks.read(planId, inBlock.get(0).block());
            List<PlanNotes.Note> kept = new ArrayList<>(block.notes());
            inBlock.forEach(l -> kept.remove(l.note()));
            blocks.replace(planId, block, kept);
        }
    }

    private void delete(long planId, long itemId) {
        jdbc.sql("delete from allocation_assignment where plan_id = ? and item_id = ?")
                .params(planId, itemId)
                .update();
    }

    private static Decision decision(ResultSet rs, int n) throws SQLException {
        return new Decision(
                rs.getInt(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getObject(8, Long.class),
                rs.getInt(9),
                rs.getString(10),
                rs.getString(11));
    }
}
