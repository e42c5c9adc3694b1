package vn.cungem.student.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.cungem.student.Evidence;

/** The files kept as evidence of a student's need. */
@Repository
public class EvidenceRepository {

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long studentId, String fileName, String contentType, byte[] content, Long accountId) {
        var keyHolder = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into student_evidence (student_id, file_name, content_type, size_bytes, content,
                                                      uploaded_by_account_id, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(studentId, fileName, contentType, content.length, content, accountId, OffsetDateTime.now())
                .update(keyHolder, "id");
        return keyHolder.getKey().longValue();
    }

    public void delete(long studentId, long evidenceId) {
        jdbc.sql("delete from student_evidence where id = ? and student_id = ?")
                .params(evidenceId, studentId)
                .update();
    }

    public List<Evidence> of(long studentId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, uploaded_at from student_evidence"
                        + " where student_id = ? order by id")
                .param(studentId)
                .query((rs, n) -> new Evidence(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    public Optional<Evidence.File> file(long studentId, long evidenceId) {
        return jdbc.sql("select file_name, content_type, content from student_evidence where id = ? and student_id = ?")
                .params(evidenceId, studentId)
                .query((rs, n) -> new Evidence.File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
