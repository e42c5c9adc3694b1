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
     * The registered students that these keys (one chunk of a file, a few thousand rows) match, leaving out merged
     * records. Called once per chunk, in a transaction of its own, so it looks each key up rather than scan the
     * registry.
     */
    List<KeyMatch> matches(List<Key> keys);

    void insertStudents(List<StudentRow> rows, Instant now);

    /** Overwrites the data columns of existing students (id set), bumps version; status stays as it is. */
    void updateStudents(List<StudentRow> rows, Instant now);

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
