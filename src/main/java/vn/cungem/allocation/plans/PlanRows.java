package vn.cungem.allocation.plans;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
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

/**
 * A plan's rows as they are stored: the decisions, in student order, and the note blocks per school and sort, built
 * as each part of the write needs them ({@link PlanWriter}: on PostgreSQL each half of the decisions is built on the
 * thread that writes it). The decisions are numbered in the engine's order and written in student order: the foreign
 * key to the student is the costliest guarantee (each check finds and share-locks the student's key), and in student
 * order those keys are visited page after page (docs/benchmarks.md, "Allocation end to end").
 */
final class PlanRows {

    static final String ASSIGNMENT_COLUMNS = "plan_id, item_id, student_id, line, item_tag, device, kind, reason,"
            + " district_id, unit_id, school_id, rank, distance, missed, school_level, pool_devices";
    private static final int CHUNK = 50_000;
    private static final int INDEX_BITS = 21;

    private final long planId;
    private final Plan plan;
    private final Places places;
    private final Map<Long, String> tags;
    /** The assignments' indexes in student order, the order the decisions are written in. */
    private final int[] order;

    private PlanRows(long planId, Plan plan, Places places, Map<Long, String> tags, int[] order) {
        this.planId = planId;
        this.plan = plan;
        this.places = places;
        this.tags = tags;
        this.order = order;
    }

    static PlanRows of(long planId, AllocationInput input, Map<Long, String> tags, Plan plan) {
        return new PlanRows(planId, plan, new Places(input), tags, studentOrder(plan.assignments()));
    }

    int size() {
        return order.length;
    }

    /**
     * The rows of the decisions {@code from} (inclusive) to {@code to} in student order, each a row of
     * {@link #ASSIGNMENT_COLUMNS}. Safe to call from two threads at once: it only reads.
     */
    List<Object[]> decisions(int from, int to) {
        List<Assignment> assignments = plan.assignments();
        List<Object[]> rows = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            int i = order[k];
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
        }
        return rows;
    }

    /** The note blocks: the notes grouped per school and sort, each group in the engine's order (district, rank). */
    List<NoteBlocks.Block> blocks() {
        int line = plan.assignments().size();
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
        return blocks;
    }

    /**
     * Where to cut the decisions in two parts of about the same size, never between two rows of one student: the
     * parts are written by two transactions at once, and no key of one part can then wait on the other's.
     */
    int middle() {
        int cut = order.length / 2;
        while (cut > 0 && cut < order.length && studentAt(cut) == studentAt(cut - 1)) {
            cut++;
        }
        return cut;
    }

    private long studentAt(int k) {
        return plan.assignments().get(order[k]).studentId();
    }

    /** Writes {@code rows} on the connection of the current transaction: {@code COPY} on PostgreSQL, batches on H2. */
    static void insertDecisions(List<Object[]> rows, boolean postgres, DataSource dataSource, JdbcTemplate jdbc) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            if (postgres) {
                StringBuilder out = new StringBuilder(chunk.size() * 100);
                for (Object[] row : chunk) {
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
                        chunk);
            }
        }
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
     * The assignments' indexes by student (then engine order): one sort of packed {@code long}s (student id above, index
     * below) instead of boxed indexes and a comparator, which took about a third of the JVM's time writing a national
     * plan (a profile, docs/benchmarks.md). Ids too large to pack fall back to the comparator, same order.
     */
    static int[] studentOrder(List<Assignment> assignments) {
        int count = assignments.size();
        long maxStudent = 0;
        for (Assignment a : assignments) {
            maxStudent = Math.max(maxStudent, a.studentId());
        }
        int[] order = new int[count];
        if (count < (1 << INDEX_BITS) && maxStudent < (1L << (63 - INDEX_BITS))) {
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = (assignments.get(i).studentId() << INDEX_BITS) | i;
            }
            Arrays.sort(keys);
            for (int i = 0; i < count; i++) {
                order[i] = (int) (keys[i] & ((1L << INDEX_BITS) - 1));
            }
            return order;
        }
        Integer[] boxed = new Integer[count];
        for (int i = 0; i < count; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> {
            int byStudent = Long.compare(
                    assignments.get(x).studentId(), assignments.get(y).studentId());
            return byStudent != 0 ? byStudent : Integer.compare(x, y);
        });
        for (int i = 0; i < count; i++) {
            order[i] = boxed[i];
        }
        return order;
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
