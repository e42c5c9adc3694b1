package vn.cungem.student.importing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import vn.cungem.student.internal.StudentColumns;

/** Portable batched statements: the writer for H2 (and any database without COPY). */
final class JdbcStudentWriter implements StudentBulkWriter {

    static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    JdbcStudentWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private void insertKeys(List<Key> keys) {
        jdbc.batchUpdate("""
                insert into student_import_key (import_id, row_number, personal_id_hash, moet_code, name_folded,
                                                birth_date, school_id, guardian_phone)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", keys, BATCH, (ps, k) -> {
            ps.setLong(1, k.importId());
            ps.setInt(2, k.row());
            ps.setString(3, k.personalIdHash());
            ps.setString(4, k.moetCode());
            ps.setString(5, k.nameFolded());
            ps.setDate(6, Date.valueOf(k.birthDate()));
            ps.setLong(7, k.schoolId());
            ps.setString(8, k.guardianPhone());
        });
    }

    /**
     * Puts the keys in the scratch table {@code student_import_key} (V85), joins it to the registry (H2 plans each
     * join as index lookups into {@code student}) and empties it again, all in the caller's transaction.
     */
    @Override
    public List<KeyMatch> matches(List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        long importId = keys.get(0).importId();
        insertKeys(keys);
        List<KeyMatch> found = joined(importId);
        jdbc.update("delete from student_import_key where import_id = ?", importId);
        return found;
    }

    private List<KeyMatch> joined(long importId) {
        String columns = "select k.row_number, s.id, s.campaign_id, s.school_id, s.status, sc.name, ";
        String joins = " join org_school sc on sc.id = s.school_id";
        String live = " where k.import_id = ? and s.status <> 'MERGED'";
        return jdbc.query(
                columns + "'EXACT' from student_import_key k join student s on " + SAME_PERSONAL_ID + joins + live
                        + " union all "
                        + columns + "'EXACT' from student_import_key k join student s on " + SAME_MOET_CODE + joins
                        + live
                        + " union all "
                        + columns + LIKELY_KIND + " from student_import_key k join student s on "
                        + SAME_NAME_AND_BIRTH + joins + live,
                KeyMatch::read,
                importId,
                importId,
                importId);
    }

    @Override
    public void insertStudents(List<StudentRow> rows, Instant now) {
        Timestamp stamp = Timestamp.from(now);
        jdbc.batchUpdate(
                "insert into student (" + StudentColumns.names(StudentColumns.IMPORTED)
                        + ", status, created_at, updated_at, version) values ("
                        + StudentColumns.marks(StudentColumns.IMPORTED) + ", 'REGISTERED', ?, ?, 0)",
                rows,
                BATCH,
                (ps, s) -> {
                    int i = data(ps, s);
                    ps.setTimestamp(i++, stamp);
                    ps.setTimestamp(i, stamp);
                });
    }

    @Override
    public void stageRows(List<CheckedRow> rows) {
        jdbc.batchUpdate(
                "insert into student_import_staged (student_id, match_key, "
                        + StudentColumns.names(StudentColumns.IMPORTED) + ") values (?, ?, "
                        + StudentColumns.marks(StudentColumns.IMPORTED) + ")",
                rows,
                BATCH,
                (ps, r) -> {
                    StatementCreatorUtils.setParameterValue(ps, 1, java.sql.Types.BIGINT, r.studentId);
                    ps.setString(2, r.matchKey);
                    int i = 3;
                    for (Object value : r.row.values()) {
                        StatementCreatorUtils.setParameterValue(ps, i++, SqlTypeValue.TYPE_UNKNOWN, value);
                    }
                });
    }

    @Override
    public void updateStudents(List<StudentRow> rows, Instant now) {
        Timestamp stamp = Timestamp.from(now);
        jdbc.batchUpdate(
                "update student set " + StudentColumns.assignments(StudentColumns.IMPORTED)
                        + ", updated_at = ?, version = version + 1 where id = ?",
                rows,
                BATCH,
                (ps, s) -> {
                    int i = data(ps, s);
                    ps.setTimestamp(i++, stamp);
                    ps.setLong(i, s.id());
                });
    }

    /** Sets the values of {@link StudentColumns#IMPORTED} from the first parameter on; returns the next index. */
    private static int data(PreparedStatement ps, StudentRow s) throws SQLException {
        int i = 1;
        for (Object value : s.values()) {
            StatementCreatorUtils.setParameterValue(ps, i++, SqlTypeValue.TYPE_UNKNOWN, value);
        }
        return i;
    }
}
