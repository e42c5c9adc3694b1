package vn.cungem.student.importing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

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
        String columns = "select k.row_number, s.id, s.campaign_id, s.school_id, s.status, c.code, sc.name, ";
        String joins = " join campaign c on c.id = s.campaign_id join school sc on sc.id = s.school_id";
        String live = " where k.import_id = ? and s.status <> 'MERGED'";
        return jdbc.query(
                columns + "'EXACT' from student_import_key k join student s on s.personal_id_hash = k.personal_id_hash"
                        + joins + live
                        + " union all "
                        + columns + "'EXACT' from student_import_key k join student s on s.moet_code = k.moet_code"
                        + joins + live
                        + " union all "
                        + columns + "case when s.school_id = k.school_id then 'SCHOOL' else 'PHONE' end"
                        + " from student_import_key k join student s on s.name_folded = k.name_folded"
                        + " and s.birth_date = k.birth_date" + joins + live
                        + " and (s.school_id = k.school_id or s.guardian_phone = k.guardian_phone)",
                KeyMatch::read,
                importId,
                importId,
                importId);
    }

    @Override
    public void insertStudents(List<StudentRow> rows, Instant now) {
        Timestamp stamp = Timestamp.from(now);
        jdbc.batchUpdate(
                "insert into student (" + PostgresStudentWriter.STUDENT_COLUMNS
                        + ", status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, 0)",
                rows,
                BATCH,
                (ps, s) -> {
                    int i = data(ps, s);
                    ps.setTimestamp(i++, stamp);
                    ps.setTimestamp(i, stamp);
                });
    }

    @Override
    public void updateStudents(List<StudentRow> rows, Instant now) {
        Timestamp stamp = Timestamp.from(now);
        jdbc.batchUpdate("""
                update student set campaign_id = ?, school_id = ?, unit_id = ?, full_name = ?, name_folded = ?,
                       name_sort = ?, birth_date = ?, gender = ?, personal_id_cipher = ?, personal_id_hash = ?,
                       moet_code = ?, grade = ?, class_name = ?, home_unit_id = ?, address = ?, guardian_name = ?,
                       guardian_phone = ?, categories = ?, device_situation = ?, connectivity = ?, needs_device = ?,
                       needs_sim = ?, needs_data = ?, needs_wifi = ?, notes = ?, priority_score = ?,
                       source_import_id = ?, source_row = ?, updated_at = ?, version = version + 1
                 where id = ?""", rows, BATCH, (ps, s) -> {
            int i = data(ps, s);
            ps.setTimestamp(i++, stamp);
            ps.setLong(i, s.id());
        });
    }

    /** Sets the 28 data columns in {@link PostgresStudentWriter#STUDENT_COLUMNS} order; returns the next index. */
    private static int data(PreparedStatement ps, StudentRow s) throws SQLException {
        int i = 1;
        ps.setLong(i++, s.campaignId());
        ps.setLong(i++, s.schoolId());
        ps.setLong(i++, s.unitId());
        ps.setString(i++, s.fullName());
        ps.setString(i++, s.nameFolded());
        ps.setString(i++, s.nameSort());
        ps.setDate(i++, Date.valueOf(s.birthDate()));
        ps.setString(i++, s.gender());
        ps.setString(i++, s.personalIdCipher());
        ps.setString(i++, s.personalIdHash());
        ps.setString(i++, s.moetCode());
        ps.setInt(i++, s.grade());
        ps.setString(i++, s.className());
        if (s.homeUnitId() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, s.homeUnitId());
        }
        ps.setString(i++, s.address());
        ps.setString(i++, s.guardianName());
        ps.setString(i++, s.guardianPhone());
        ps.setString(i++, s.categories());
        ps.setString(i++, s.deviceSituation());
        ps.setString(i++, s.connectivity());
        ps.setBoolean(i++, s.needsDevice());
        ps.setBoolean(i++, s.needsSim());
        ps.setBoolean(i++, s.needsData());
        ps.setBoolean(i++, s.needsWifi());
        ps.setString(i++, s.notes());
        ps.setInt(i++, s.priorityScore());
        ps.setLong(i++, s.sourceImportId());
        ps.setInt(i++, s.sourceRow());
        return i;
    }
}
