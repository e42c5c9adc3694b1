package vn.cungem.student.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.student.StatusChange;
import vn.cungem.student.StudentStatus;

/** Reads the status history that {@link StudentRepository} appends to with every move. */
@Repository
public class StatusHistory {

    private final JdbcClient jdbc;

    StatusHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The history of a student and of every duplicate merged into it, oldest first. */
    public List<StatusChange> of(long id) {
        return jdbc.sql("""
                        select h.student_id, h.from_status, h.to_status, h.reason, h.changed_by_name, h.changed_at
                        from student_status_change h
                        where h.student_id = ? or h.student_id in (select id from student where merged_into_id = ?)
                        order by h.changed_at, h.id""")
                .params(id, id)
                .query((rs, n) -> new StatusChange(
                        rs.getLong(1),
                        rs.getString(2) == null ? null : StudentStatus.valueOf(rs.getString(2)),
                        StudentStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
