package vn.cungem.student.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.EligibleStudent;
import vn.cungem.student.Needs;
import vn.cungem.student.StudentRow;
import vn.cungem.student.StudentStatus;

/**
 * Lists of students: a page in priority order with counts per status, a school's ids, the approved ones for allocation.
 * Scope conditions arrive as SQL built by the façade from server-side ids, never user input.
 */
@Repository
public class StudentListing {

    /**
     * The documented list order: priority score, highest first; then no device before a broken one before a shared one
     * (003: "most difficult first"); then the lower grade (younger children cope least with a shared phone); then the
     * earlier registration.
     */
    public static final String PRIORITY_ORDER = "s.priority_score desc, case s.device_situation when 'NONE' then 0"
            + " when 'BROKEN' then 1 else 2 end, s.grade, s.id";

    private final JdbcClient jdbc;

    StudentListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FROM = " from student s join org_school sc on sc.id = s.school_id where ";

    /**
     * Up to {@code limit} rows, unmasked, in {@code order}: after ({@code forward}) or before the row whose key is
     * {@code boundary} (null: from the start, skipping {@code offset} rows). Rows read backward come back in the list's
     * order.
     *
     * <p>{@code selective}: the filter finds few rows by an index of its own (a name search by trigrams). The rows are
     * then found first and sorted after, behind a fence ({@code offset 0}: PostgreSQL plans the subquery alone), and
     * only the page's rows are joined to their schools. Left to itself the planner walks the order's index and filters
     * every row until it has a page, which it guesses to come soon; for "nguyen van an" on the national data set the
     * first match is 21,000 rows in (2.1 s against 0.4 s in psql under load), and joins all the matches to the
     * schools by a scan of the 40,000 schools before sorting.
     */
    public List<StudentRow> page(
            String where,
            List<Object> params,
            ListOrder order,
            Object[] boundary,
            boolean forward,
            int limit,
            long offset,
            boolean selective) {
        List<Object> all = new ArrayList<>(params);
        String columns = COLUMNS;
        StringBuilder sql = new StringBuilder();
        // the school order's key is the school's name: that page needs the join before the sort
        boolean inner = selective && order != ListOrder.SCHOOL;
        if (inner) {
            // the matches alone first (offset 0: planned on their own, by the search's index), the page chosen among
            // them, and only the page's rows joined to their schools
            sql.append("select * from (select * from student s where ")
                    .append(where)
                    .append(" offset 0) s where 1=1");
        } else {
            sql.append(columns).append(FROM).append(where);
        }
        if (boundary != null) {
            sql.append(" and ").append(order.beyond(forward));
            all.addAll(List.of(boundary));
        }
        sql.append(" order by ").append(order.orderBy(forward)).append(" limit ?");
        all.add(limit);
        if (offset > 0) {
            sql.append(" offset ?");
            all.add(offset);
        }
        if (inner) {
            sql.insert(0, columns + " from (")
                    .append(") s join org_school sc on sc.id = s.school_id order by ")
                    .append(order.orderBy(forward));
        }
        return rows(sql.toString(), all, forward);
    }

    private static final String COLUMNS = """
            select s.id, s.full_name, s.school_id, sc.name as school_name, s.grade,
                   s.class_name, s.categories, s.device_situation, s.connectivity, s.priority_score,
                   s.status, s.status_reason""";

    private List<StudentRow> rows(String sql, List<Object> all, boolean forward) {
        List<StudentRow> rows = new ArrayList<>(jdbc.sql(sql)
                .params(all)
                .query((rs, n) -> new StudentRow(
                        rs.getLong("id"),
                        rs.getString("full_name"),
                        false,
                        rs.getLong("school_id"),
                        rs.getString("school_name"),
                        rs.getInt("grade"),
                        rs.getString("class_name"),
                        rs.getString("categories"),
                        DeviceSituation.valueOf(rs.getString("device_situation")),
                        Connectivity.valueOf(rs.getString("connectivity")),
                        rs.getInt("priority_score"),
                        StudentStatus.valueOf(rs.getString("status")),
                        rs.getString("status_reason")))
                .list());
        if (!forward) {
            java.util.Collections.reverse(rows);
        }
        return rows;
    }

    /**
     * The same page as {@link #page} for a filter that many rows pass ({@code filter}: a name search matching thousands
     * across the country): walks the order's index over the rows {@code where} allows and stops at the page, instead of
     * finding every match and sorting it. On the national data set "tran thi" (9,859 matches) is then 3,107 rows walked
     * (258–276 ms in psql at load average 23, against 682–800 ms for finding and sorting the matches). The order must
     * not need the school's name (the walk reads students alone).
     */
    public List<StudentRow> walk(
            String where,
            List<Object> params,
            String filter,
            List<Object> filterParams,
            ListOrder order,
            Object[] boundary,
            boolean forward,
            int limit,
            long offset) {
        List<Object> all = new ArrayList<>(params);
        StringBuilder sql = new StringBuilder(COLUMNS)
                .append(" from (select * from (select * from student s where ")
                .append(where);
        if (boundary != null) {
            sql.append(" and ").append(order.beyond(forward));
            all.addAll(List.of(boundary));
        }
        // offset 0 fences the walk: the filter stays outside, so the index gives rows in order until the page is full
        sql.append(" order by ")
                .append(order.orderBy(forward))
                .append(" offset 0) s where ")
                .append(filter)
                .append(" limit ?");
        all.addAll(filterParams);
        all.add(limit);
        if (offset > 0) {
            sql.append(" offset ?");
            all.add(offset);
        }
        sql.append(") s join org_school sc on sc.id = s.school_id order by ").append(order.orderBy(forward));
        return rows(sql.toString(), all, forward);
    }

    /** The sort key of one student among the rows {@code where} allows; empty when it is not one of them. */
    public java.util.Optional<Object[]> key(ListOrder order, long studentId, String where, List<Object> params) {
        List<Object> all = new ArrayList<>(params);
        all.add(studentId);
        int n = order.keys().size();
        return jdbc.sql("select " + String.join(", ", order.keys()) + FROM + where + " and s.id = ?")
                .params(all)
                .query((rs, i) -> {
                    Object[] key = new Object[n];
                    for (int k = 0; k < n; k++) {
                        key[k] = rs.getObject(k + 1);
                    }
                    return key;
                })
                .optional();
    }

    /** Students per status, and their ids when there are no more than the caller asked for (else null). */
    public record Counted(Map<StudentStatus, Long> counts, List<Long> ids) {}

    /**
     * Students per status among at most {@code limit} of those {@code where} selects, as {@link #countByStatusUpTo}, and
     * their ids when they are {@code idsUpTo} or fewer: a search that finds few reads its index once for the counts and
     * the page. The ids travel grouped (one array a status, only for a status with few enough), not a row each: "tran
     * thi" finds 9,859 across the country.
     */
    public Counted countAndIdsUpTo(String where, List<Object> params, int limit, int idsUpTo) {
        List<Object> all = new ArrayList<>();
        all.add(idsUpTo);
        all.addAll(params);
        all.add(limit);
        Map<StudentStatus, Long> counts = new EnumMap<>(StudentStatus.class);
        List<Long> ids = new ArrayList<>();
        jdbc.sql("select status, count(*), case when count(*) <= ? then array_agg(id) end from (select s.id, s.status"
                        + " from student s where " + where + " limit ?) x group by status")
                .params(all)
                .query((rs, i) -> {
                    counts.put(StudentStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    java.sql.Array found = rs.getArray(3);
                    if (found != null) {
                        for (Object id : (Object[]) found.getArray()) {
                            ids.add(((Number) id).longValue());
                        }
                    }
                    return null;
                })
                .list();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Counted(counts, total <= idsUpTo ? ids : null);
    }

    /** The condition that selects exactly {@code ids} (numbers only, read from the database: no input). */
    public static String idsIn(List<Long> ids) {
        if (ids.isEmpty()) {
            return "1=0";
        }
        StringBuilder in = new StringBuilder("s.id in (");
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "" : ",").append(ids.get(i).longValue());
        }
        return in.append(')').toString();
    }

    /** Students per status, counting at most {@code limit} of them (then the counts mean "at least"). */
    public Map<StudentStatus, Long> countByStatusUpTo(String where, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        Map<StudentStatus, Long> counts = new EnumMap<>(StudentStatus.class);
        jdbc.sql("select status, count(*) from (select s.status from student s where " + where
                        + " limit ?) x group by status")
                .params(all)
                .query((rs, i) -> counts.put(StudentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Ids of a school's students in a campaign that are in one of the given statuses. */
    public List<Long> idsOfSchool(long campaignId, long schoolId, List<StudentStatus> statuses) {
        String in = String.join(
                ",", statuses.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("select id from student where campaign_id = ? and school_id = ? and status in (" + in
                        + ") order by id")
                .params(campaignId, schoolId)
                .query(Long.class)
                .list();
    }

    public List<EligibleStudent> approved(long campaignId) {
        return jdbc.sql("select s.id, s.campaign_id, s.school_id, s.unit_id, s.grade, s.priority_score,"
                        + " s.device_situation, s.connectivity, s.needs_device, s.needs_sim, s.needs_data, s.needs_wifi"
                        + " from student s where s.campaign_id = ? and s.status = 'APPROVED' order by "
                        + PRIORITY_ORDER)
                .param(campaignId)
                .query((rs, n) -> new EligibleStudent(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        DeviceSituation.valueOf(rs.getString(7)),
                        Connectivity.valueOf(rs.getString(8)),
                        new Needs(rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), rs.getBoolean(12))))
                .list();
    }
}
