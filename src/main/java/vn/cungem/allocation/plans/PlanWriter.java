package vn.cungem.allocation.plans;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.shared.security.Caller;

/**
 * Writes a plan: its row, its quotas and one line per decision. A national plan has a million lines, so PostgreSQL
 * gets them through {@code COPY} in chunks (about ten times faster than batched inserts), H2 through batched inserts;
 * both run in the caller's transaction, so a failed write leaves no half plan.
 */
@Component
public class PlanWriter {

    static final String LINE_COLUMNS = "plan_id, line, student_id, item_id, item_tag, device, reason, district_id,"
            + " unit_id, school_id, rank, kind, distance, missed, school_level, related_student_id, pool_devices";
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

    PlanWriter(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = PostgresCopy.isPostgres(dataSource);
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
        List<Object[]> lines = new ArrayList<>();
        int n = 0;
        for (Assignment a : plan.assignments()) {
            Applicant s = places.student(a.studentId());
            lines.add(line(
                    planId,
                    ++n,
                    a.studentId(),
                    a.itemId(),
                    tags.get(a.itemId()),
                    a.kind().isDevice(),
                    a.why(),
                    a.kind(),
                    s.communeId(),
                    s.schoolId()));
            flush(lines, false);
        }
        for (StudentNote note : plan.notes()) {
            Applicant s = places.student(note.studentId());
            lines.add(line(
                    planId,
                    ++n,
                    note.studentId(),
                    null,
                    null,
                    null,
                    note.why(),
                    note.why().kind(),
                    s.communeId(),
                    s.schoolId()));
            flush(lines, false);
        }
        for (ItemNote note : plan.unused()) {
            ReadyItem i = places.item(note.itemId());
            lines.add(line(
                    planId,
                    ++n,
                    null,
                    note.itemId(),
                    tags.get(note.itemId()),
                    null,
                    note.why(),
                    note.kind(),
                    i.communeId(),
                    i.schoolId() == 0 ? null : i.schoolId()));
            flush(lines, false);
        }
        flush(lines, true);
        return planId;
    }

    private static Object[] line(
            long planId,
            int n,
            Long student,
            Long item,
            String tag,
            Boolean device,
            Why why,
            ItemKind kind,
            long unit,
            Long school) {
        return new Object[] {
            planId,
            n,
            student,
            item,
            tag,
            device,
            why.reason().name(),
            why.districtId(),
            unit,
            school,
            why.rank(),
            kind == null ? null : kind.name(),
            why.distance() == null ? null : why.distance().name(),
            why.missed() == null ? null : why.missed().name(),
            why.level() == null ? null : why.level().name(),
            why.relatedStudentId() == 0 ? null : why.relatedStudentId(),
            why.poolDevices()
        };
    }

    private void flush(List<Object[]> lines, boolean last) {
        if (lines.isEmpty() || (!last && lines.size() < CHUNK)) {
            return;
        }
        if (postgres) {
            StringBuilder out = new StringBuilder(lines.size() * 90);
            for (Object[] row : lines) {
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
                    "copy allocation_line (" + LINE_COLUMNS + ") from stdin with (format csv)",
                    new StringReader(out.toString()));
        } else {
            jdbc.batchUpdate(
                    "insert into allocation_line (" + LINE_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?)",
                    lines);
        }
        lines.clear();
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
