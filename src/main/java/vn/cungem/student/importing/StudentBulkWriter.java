package vn.cungem.student.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * Writes many rows at once for an import (new students, updated students) and finds the students that the rows of a
 * chunk already are. COPY on
 * PostgreSQL ({@link PostgresStudentWriter}: what brings 100,000 rows within the 8 s), batched statements on
 * H2 ({@link JdbcStudentWriter}). Both run on the caller's transaction, so a failure leaves nothing written.
 */
interface StudentBulkWriter {

    /** The match keys of one checked row (see V85 {@code student_import_key}). */
    record Key(
            long importId,
            int row,
            String personalIdHash,
            String moetCode,
            String nameFolded,
            LocalDate birthDate,
            long schoolId,
            String guardianPhone) {}

    /**
     * The ways a stored student {@code s} matches the keys {@code k} of a row ({@link vn.cungem.student.DuplicateKeys}),
     * written once for both writers: the same personal ID, the same MOET code, or the same folded name and birth date at
     * the same school or with the same guardian phone ({@link #LIKELY_KIND} tells which).
     */
    String SAME_PERSONAL_ID = "s.personal_id_hash = k.personal_id_hash";

    String SAME_MOET_CODE = "s.moet_code = k.moet_code";
    String SAME_NAME_AND_BIRTH = "s.name_folded = k.name_folded and s.birth_date = k.birth_date"
            + " and (s.school_id = k.school_id or s.guardian_phone = k.guardian_phone)";
    String LIKELY_KIND = "case when s.school_id = k.school_id then 'SCHOOL' else 'PHONE' end";

    /**
     * The registered students that these keys (one chunk of a file, a few thousand rows) match, leaving out merged
     * records. Called once per chunk, in a transaction of its own, so it looks each key up rather than scan the
     * registry.
     */
    List<KeyMatch> matches(List<Key> keys);

    void insertStudents(List<StudentRow> rows, Instant now);

    /** Overwrites the data columns of existing students (id set), bumps version; status stays as it is. */
    void updateStudents(List<StudentRow> rows, Instant now);

    /**
     * Keeps the checked rows that a commit would write ({@code student_import_staged}, V210), each with the student it
     * updates and its {@link CheckedRow#matchKey}, on the caller's transaction.
     */
    void stageRows(List<CheckedRow> rows);

    @Configuration(proxyBeanMethods = false)
    class Choice {

        @Bean
        StudentBulkWriter studentBulkWriter(DataSource dataSource, JdbcTemplate jdbc) {
            return PostgresCopy.isPostgres(dataSource)
                    ? new PostgresStudentWriter(dataSource, jdbc)
                    : new JdbcStudentWriter(jdbc);
        }
    }
}
