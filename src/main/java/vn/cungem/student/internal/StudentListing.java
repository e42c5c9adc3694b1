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

    /** A page of rows, unmasked, in {@link #PRIORITY_ORDER}; one extra row tells whether there is a next page. */
    public List<StudentRow> page(String where, List<Object> params, int limit, long offset) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        return jdbc.sql("""
                        select s.id, s.full_name, s.school_id, sc.name as school_name, s.grade,
                               s.class_name, s.categories, s.device_situation, s.connectivity, s.priority_score,
                               s.status, s.status_reason
                        from student s join org_school sc on sc.id = s.school_id
                        where\s""" + where + " order by " + PRIORITY_ORDER + " limit ? offset ?")
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
                .list();
    }

    public Map<StudentStatus, Long> countByStatus(String where, List<Object> params) {
        Map<StudentStatus, Long> counts = new EnumMap<>(StudentStatus.class);
        jdbc.sql("select s.status, count(*) from student s where " + where + " group by s.status")
                .params(params)
                .query((rs, n) -> counts.put(StudentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
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
