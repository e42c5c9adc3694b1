package vn.cungem.allocation.plans;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import vn.cungem.allocation.engine.AllocationInput;
import vn.cungem.allocation.engine.Applicant;
import vn.cungem.allocation.engine.Assignment;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.engine.ItemNote;
import vn.cungem.allocation.engine.Plan;
import vn.cungem.allocation.engine.ReadyItem;
import vn.cungem.allocation.engine.StudentNote;
import vn.cungem.allocation.engine.Why;
import vn.cungem.allocation.plans.PlanNotes.Note;
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.shared.security.Caller;

/**
 * Writes a plan: its row, its quotas, one row per decision (an item to a student, with foreign keys to both) and its
 * notes in compact blocks per school ({@link PlanNotes}). PostgreSQL gets the rows through {@code COPY} in chunks, H2
 * through batched inserts; both run in the caller's transaction, so a failed write leaves no half plan.
 */
@Component
public class PlanWriter {

    static final String ASSIGNMENT_COLUMNS = "plan_id, item_id, student_id, line, item_tag, device, kind, reason,"
            + " district_id, unit_id, school_id, rank, distance, missed, school_level, pool_devices";
    private static final int CHUNK = 50_000;

    /** What the plan row records besides the engine's result. */
    public record Header(
            long campaignId,
            Long scopeUnitId,
            PlanKind kind,
            String digest,
            int engineMillis,
            String runKey,
            Caller caller) {}

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean postgres;
    private final NoteBlocks noteBlocks;

    PlanWriter(JdbcTemplate jdbc, DataSource dataSource, NoteBlocks noteBlocks) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = PostgresCopy.isPostgres(dataSource);
        this.noteBlocks = noteBlocks;
    }

    public long write(Header header, AllocationInput input, Map<Long, String> tags, Plan plan) {
        // a student is served with a device of their own or through a sibling's
        long served =
                plan.assignments().stream().filter(a -> a.kind().isDevice()).count()
                        + plan.notes().stream()
                                .filter(n -> n.why().reason() == vn.cungem.allocation.engine.Reason.SHARES_WITH_SIBLING)
                                .count();
        var keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement("""
                            insert into allocation_plan (campaign_id, scope_unit_id, kind, status, input_digest,
                                siblings_share, connectivity_with_device, student_count, item_count, served_count,
                                left_out_count, engine_millis, created_by_account_id, created_by_name, created_at,
                                run_key)
                            values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setLong(1, header.campaignId());
                    ps.setObject(2, header.scopeUnitId());
                    ps.setString(3, header.kind().name());
                    ps.setString(4, header.digest());
                    ps.setBoolean(5, input.rules().siblingsShareDevice());
                    ps.setBoolean(6, input.rules().connectivityWithDevice());
                    ps.setInt(7, input.applicants().size());
                    ps.setInt(8, input.items().size());
                    ps.setInt(9, (int) served);
                    ps.setInt(10, plan.leftOut().size());
                    ps.setInt(11, header.engineMillis());
                    ps.setObject(12, header.caller().accountId());
                    ps.setString(13, header.caller().displayName());
                    ps.setTimestamp(14, now);
                    ps.setString(15, header.runKey());
                    return ps;
                },
                keys);
        long planId = keys.getKeyAs(Number.class).longValue();
        jdbc.batchUpdate(
                "insert into allocation_quota (plan_id, district_id, kind, need, weight, quota) values (?, ?, ?, ?, ?, ?)",
                plan.quotas(),
                1000,
                (ps, q) -> {
                    ps.setLong(1, planId);
                    ps.setLong(2, q.districtId());
                    ps.setString(3, q.kind().name());
                    ps.setInt(4, q.need());
                    ps.setLong(5, q.weight());
                    ps.setInt(6, q.quota());
                });
        Places places = new Places(input);
        writeAssignments(planId, plan, places, tags);
        int line = plan.assignments().size();
        // notes grouped per school and sort, each group in the engine's order (district, then rank)
        Map<List<Object>, List<Note>> groups = new LinkedHashMap<>();
        Map<List<Object>, Long> districts = new HashMap<>();
        for (StudentNote note : plan.notes()) {
            Applicant s = places.student(note.studentId());
            Why why = note.why();
            List<Object> key = Arrays.asList(PlanNotes.categoryOf(why.reason().name()), s.communeId(), s.schoolId());
            districts.putIfAbsent(key, why.districtId());
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(note(++line, note.studentId(), null, why, why.kind()));
        }
        for (ItemNote note : plan.unused()) {
            ReadyItem i = places.item(note.itemId());
            List<Object> key =
                    Arrays.asList(PlanNotes.Category.UNUSED, i.communeId(), i.schoolId() == 0 ? null : i.schoolId());
            districts.putIfAbsent(key, note.why().districtId());
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(note(++line, note.itemId(), tags.get(note.itemId()), note.why(), note.kind()));
        }
        List<NoteBlocks.Block> blocks = new ArrayList<>(groups.size());
        for (var group : groups.entrySet()) {
            List<Object> key = group.getKey();
            blocks.add(NoteBlocks.Block.of(
                    blocks.size() + 1,
                    (PlanNotes.Category) key.get(0),
                    districts.get(key),
                    (Long) key.get(1),
                    (Long) key.get(2),
                    group.getValue()));
        }
        noteBlocks.insert(planId, blocks);
        return planId;
    }

    private static Note note(int line, long id, String tag, Why why, ItemKind kind) {
        return new Note(
                line,
                id,
                tag,
                why.reason().name(),
                why.rank(),
                kind == null ? null : kind.name(),
                why.distance() == null ? null : why.distance().name(),
                why.missed() == null ? null : why.missed().name(),
                why.level() == null ? null : why.level().name(),
                why.relatedStudentId(),
                why.poolDevices(),
                0);
    }

    /**
     * The decisions, numbered in the engine's order and written in student order: the foreign key to the student is
     * the costliest guarantee (each check finds and share-locks the student's row), and in student order those rows
     * are visited page after page. Measured against primary-key (item) order, which the other indexes would prefer: see
     * docs/benchmarks.md, "Allocation end to end".
     */
    private void writeAssignments(long planId, Plan plan, Places places, Map<Long, String> tags) {
        int count = plan.assignments().size();
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        List<Assignment> assignments = plan.assignments();
        Arrays.sort(order, (x, y) -> {
            int byStudent = Long.compare(
                    assignments.get(x).studentId(), assignments.get(y).studentId());
            return byStudent != 0
                    ? byStudent
                    : Long.compare(
                            assignments.get(x).itemId(), assignments.get(y).itemId());
        });
        List<Object[]> rows = new ArrayList<>(Math.min(count, CHUNK));
        for (int i : order) {
            Assignment a = assignments.get(i);
            Applicant s = places.student(a.studentId());
            Why why = a.why();
            rows.add(new Object[] {
                planId,
                a.itemId(),
                a.studentId(),
                i + 1,
                tags.get(a.itemId()),
                a.kind().isDevice(),
                a.kind().name(),
                why.reason().name(),
                why.districtId(),
                s.communeId(),
                s.schoolId(),
                why.rank(),
                why.distance() == null ? null : why.distance().name(),
                why.missed() == null ? null : why.missed().name(),
                why.level() == null ? null : why.level().name(),
                why.poolDevices()
            });
            flush(rows, false);
        }
        flush(rows, true);
    }

    private void flush(List<Object[]> rows, boolean last) {
        if (rows.isEmpty() || (!last && rows.size() < CHUNK)) {
            return;
        }
        if (postgres) {
            StringBuilder out = new StringBuilder(rows.size() * 100);
            for (Object[] row : rows) {
                CopyCsv csv = new CopyCsv(out);
                for (Object v : row) {
                    if (v instanceof String s) {
                        csv.text(s);
                    } else if (v instanceof Boolean b) {
                        csv.bool(b);
                    } else {
                        csv.value((Number) v);
                    }
                }
                csv.end();
            }
            PostgresCopy.copyIn(
                    dataSource,
                    jdbc,
                    "copy allocation_assignment (" + ASSIGNMENT_COLUMNS + ") from stdin with (format csv)",
                    new StringReader(out.toString()));
        } else {
            jdbc.batchUpdate(
                    "insert into allocation_assignment (" + ASSIGNMENT_COLUMNS
                            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
        rows.clear();
    }

    /** Students and items by id, found by binary search over the input's id order (no million-entry map). */
    private static final class Places {
        private final long[] studentIds;
        private final Applicant[] students;
        private final long[] itemIds;
        private final ReadyItem[] items;

        Places(AllocationInput input) {
            students = input.applicants().toArray(Applicant[]::new);
            Arrays.sort(students, (a, b) -> Long.compare(a.id(), b.id()));
            studentIds = Arrays.stream(students).mapToLong(Applicant::id).toArray();
            items = input.items().toArray(ReadyItem[]::new);
            Arrays.sort(items, (a, b) -> Long.compare(a.id(), b.id()));
            itemIds = Arrays.stream(items).mapToLong(ReadyItem::id).toArray();
        }

        Applicant student(long id) {
            return students[Arrays.binarySearch(studentIds, id)];
        }

        ReadyItem item(long id) {
            return items[Arrays.binarySearch(itemIds, id)];
        }
    }
}
