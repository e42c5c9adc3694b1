package vn.cungem.allocation.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.allocation.Explanations;
import vn.cungem.allocation.engine.Distance;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.engine.Reason;
import vn.cungem.allocation.engine.SchoolLevel;
import vn.cungem.allocation.engine.Why;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.Bundles;

/**
 * A stored plan read back for review: its header, quotas per district, counts per school, and its lines (a page at a
 * time) with each decision's explanation, always limited to the reader's units.
 */
@Component
public class PlanQueries {

    public static final int PAGE_SIZE = 50;

    public record Summary(
            long id,
            long campaignId,
            PlanKind kind,
            PlanStatus status,
            String digest,
            long students,
            long items,
            long served,
            long leftOut,
            int engineMillis,
            String createdBy,
            OffsetDateTime createdAt,
            String decidedBy,
            OffsetDateTime decidedAt) {}

    public record QuotaRow(long districtId, String district, ItemKind kind, long need, long quota) {}

    public record SchoolRow(Long schoolId, String school, long served, long leftOut) {}

    /** One decision, worded. {@code studentId} or {@code itemTag} may be null (an unused item, a student note). */
    public record LineView(
            int line, Long studentId, String itemTag, ItemKind kind, String reason, String school, String why) {

        public boolean exception() {
            return itemTag == null
                    && studentId != null
                    && !"SHARES_WITH_SIBLING".equals(reason)
                    && !"NO_CONNECTIVITY_LEFT".equals(reason);
        }
    }

    public record LinePage(List<LineView> lines, long total, int page) {
        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** Which lines: every one, the students left without a device, or the items handed out. */
    public enum Show {
        ALL,
        EXCEPTIONS,
        ASSIGNED
    }

    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final NoteBlocks noteBlocks;

    PlanQueries(JdbcClient jdbc, PlanAccess access, NoteBlocks noteBlocks) {
        this.jdbc = jdbc;
        this.access = access;
        this.noteBlocks = noteBlocks;
    }

    @Transactional(readOnly = true)
    public List<Summary> plans(long campaignId, Caller caller) {
        access.requirePlanner(caller);
        return jdbc
                .sql(SUMMARY + " where campaign_id = ? order by id desc fetch first 20 rows only")
                .param(campaignId)
                .query(PlanQueries::summary)
                .list()
                .stream()
                .filter(p -> {
                    try {
                        access.readable(campaignId, p.id(), caller);
                        return true;
                    } catch (RuntimeException hidden) {
                        return false;
                    }
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public Summary summary(long campaignId, long planId, Caller caller) {
        access.readable(campaignId, planId, caller);
        return jdbc.sql(SUMMARY + " where id = ?")
                .param(planId)
                .query(PlanQueries::summary)
                .single();
    }

    @Transactional(readOnly = true)
    public List<QuotaRow> quotas(long campaignId, long planId, Caller caller) {
        access.readable(campaignId, planId, caller);
        return jdbc.sql("select q.district_id, u.name, q.kind, q.need, q.quota from allocation_quota q"
                        + " join org_unit u on u.id = q.district_id where q.plan_id = ? and q.quota + q.need > 0 and "
                        + access.lineFilter(caller, "q.district_id") + " order by u.name_sort, q.district_id, q.kind")
                .param(planId)
                .query((rs, n) -> new QuotaRow(
                        rs.getLong(1),
                        rs.getString(2),
                        ItemKind.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** Served and left-out students per school, largest number left out first (no note block is decoded). */
    @Transactional(readOnly = true)
    public List<SchoolRow> schools(long campaignId, long planId, Caller caller) {
        access.readable(campaignId, planId, caller);
        String scope = access.lineFilter(caller, "unit_id");
        return jdbc.sql("""
                        select x.school_id, s.name, sum(x.served), sum(x.left_out) from (
                          select school_id, count(*) as served, 0 as left_out from allocation_assignment
                           where plan_id = ? and device = true and """ + " " + scope + """

                           group by school_id
                          union all
                          select school_id, sum(case when category = 'SIBLING' then note_count else 0 end),
                                 sum(case when category = 'LEFT_OUT' then note_count else 0 end)
                            from allocation_note_block
                           where plan_id = ? and category in ('SIBLING', 'LEFT_OUT') and """ + " " + scope + """

                           group by school_id) x
                          left join org_school s on s.id = x.school_id
                         group by x.school_id, s.name
                         order by 4 desc, s.name fetch first 200 rows only""")
                .params(planId, planId)
                .query((rs, n) ->
                        new SchoolRow(rs.getObject(1, Long.class), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /**
     * A page of a plan's lines: the decisions first (in the engine's order), then the notes block after block; only
     * the blocks the page falls in are decoded.
     */
    @Transactional(readOnly = true)
    public LinePage lines(
            long campaignId, long planId, Long schoolId, Show show, int page, Locale locale, Caller caller) {
        access.readable(campaignId, planId, caller);
        Show which = show == null ? Show.ALL : show;
        String where = where(caller, schoolId, "");
        long decisions = which == Show.EXCEPTIONS
                ? 0
                : jdbc.sql("select count(*) from allocation_assignment where plan_id = ? and " + where)
                        .param(planId)
                        .query(Long.class)
                        .single();
        List<NoteBlocks.Block> blocks = which == Show.ASSIGNED
                ? List.of()
                : noteBlocks.headers(planId, where + (which == Show.EXCEPTIONS ? " and category = 'LEFT_OUT'" : ""));
        long total =
                decisions + blocks.stream().mapToLong(NoteBlocks.Block::count).sum();
        int p = Math.max(0, page);
        long offset = (long) p * PAGE_SIZE;
        List<LineView> lines = new ArrayList<>();
        if (offset < decisions) {
            lines.addAll(jdbc.sql("""
                            select l.line, l.student_id, l.item_tag, l.kind, l.reason, s.name, l.district_id, l.rank,
                                   l.distance, l.missed, l.school_level, 0, l.pool_devices, c.reason
                              from allocation_assignment l left join org_school s on s.id = l.school_id
                              left join allocation_change c on c.id = l.change_id
                             where l.plan_id = ? and """ + " " + where(caller, schoolId, "l.")
                            + " order by l.line offset " + offset + " rows fetch next " + PAGE_SIZE + " rows only")
                    .param(planId)
                    .query((rs, n) -> view(rs, locale))
                    .list());
        }
        long skip = Math.max(0, offset - decisions);
        for (NoteBlocks.Block header : blocks) {
            if (lines.size() >= PAGE_SIZE) {
                break;
            }
            if (skip >= header.count()) {
                skip -= header.count();
                continue;
            }
            NoteBlocks.Block block = noteBlocks.read(planId, header);
            String school = schoolName(block.schoolId());
            for (PlanNotes.Note note : block.notes().subList((int) skip, block.count())) {
                if (lines.size() >= PAGE_SIZE) {
                    break;
                }
                lines.add(view(block, note, school, locale));
            }
            skip = 0;
        }
        return new LinePage(lines, total, p);
    }

    /** The reader's units, and the school when one is chosen, on columns of the given table alias. */
    private String where(Caller caller, Long schoolId, String alias) {
        return access.lineFilter(caller, alias + "unit_id")
                + (schoolId == null ? "" : " and " + alias + "school_id = " + schoolId.longValue());
    }

    /** The devices each student holds in a plan, limited to the reader's units. */
    Map<Long, String> devices(long planId, Caller caller) {
        Map<Long, String> held = new HashMap<>();
        jdbc.sql("select student_id, item_tag from allocation_assignment where plan_id = ? and device = true and "
                        + access.lineFilter(caller, "unit_id"))
                .param(planId)
                .query(rs -> {
                    held.put(rs.getLong(1), rs.getString(2));
                });
        return held;
    }

    private String schoolName(Long schoolId) {
        return schoolId == null
                ? null
                : jdbc.sql("select name from org_school where id = ?")
                        .param(schoolId)
                        .query(String.class)
                        .optional()
                        .orElse(null);
    }

    private LineView view(NoteBlocks.Block block, PlanNotes.Note n, String school, Locale locale) {
        boolean item = block.category() == PlanNotes.Category.UNUSED;
        String why;
        if (n.reason().startsWith("MANUAL")) {
            String changeReason = jdbc.sql("select reason from allocation_change where id = ?")
                    .param(n.changeId())
                    .query(String.class)
                    .optional()
                    .orElse("");
            why = Bundles.text(
                    "allocation.manual." + n.reason(),
                    locale,
                    changeReason,
                    n.kind() == null ? "" : Bundles.text("allocation.kind." + n.kind(), locale));
        } else {
            why = Explanations.text(
                    new Why(
                            Reason.valueOf(n.reason()),
                            block.districtId(),
                            n.rank(),
                            n.kind() == null ? null : ItemKind.valueOf(n.kind()),
                            n.distance() == null ? null : Distance.valueOf(n.distance()),
                            n.missed() == null ? null : ItemKind.valueOf(n.missed()),
                            n.level() == null ? null : SchoolLevel.valueOf(n.level()),
                            n.relatedStudentId(),
                            n.poolDevices()),
                    locale);
        }
        return new LineView(
                n.line(),
                item ? null : n.id(),
                item ? n.tag() : null,
                n.kind() == null ? null : ItemKind.valueOf(n.kind()),
                n.reason(),
                school,
                why);
    }

    private static LineView view(ResultSet rs, Locale locale) throws SQLException {
        String reason = rs.getString(5);
        String kind = rs.getString(4);
        String why;
        if (reason.startsWith("MANUAL")) {
            why = Bundles.text(
                    "allocation.manual." + reason,
                    locale,
                    rs.getString(14),
                    kind == null ? "" : Bundles.text("allocation.kind." + kind, locale));
        } else {
            why = Explanations.text(
                    new Why(
                            Reason.valueOf(reason),
                            rs.getLong(7),
                            rs.getInt(8),
                            kind == null ? null : ItemKind.valueOf(kind),
                            rs.getString(9) == null ? null : Distance.valueOf(rs.getString(9)),
                            rs.getString(10) == null ? null : ItemKind.valueOf(rs.getString(10)),
                            rs.getString(11) == null ? null : SchoolLevel.valueOf(rs.getString(11)),
                            rs.getLong(12),
                            rs.getInt(13)),
                    locale);
        }
        return new LineView(
                rs.getInt(1),
                rs.getObject(2, Long.class),
                rs.getString(3),
                kind == null ? null : ItemKind.valueOf(kind),
                reason,
                rs.getString(6),
                why);
    }

    private static final String SUMMARY = """
            select id, campaign_id, kind, status, input_digest, student_count, item_count, served_count, left_out_count,
                   engine_millis, created_by_name, created_at, decided_by_name, decided_at from allocation_plan""";

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        return new Summary(
                rs.getLong(1),
                rs.getLong(2),
                PlanKind.valueOf(rs.getString(3)),
                PlanStatus.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9),
                rs.getInt(10),
                rs.getString(11),
                rs.getObject(12, OffsetDateTime.class),
                rs.getString(13),
                rs.getObject(14, OffsetDateTime.class));
    }
}
