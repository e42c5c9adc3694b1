package vn.cungem.student.importing;

import java.io.Reader;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.student.internal.StudentColumns;

/**
 * {@code COPY ... FROM STDIN} (CSV) through the driver's CopyManager on the connection of the current transaction. The
 * CSV is produced while the driver reads it, so 100,000 students never exist as one big string.
 */
final class PostgresStudentWriter implements StudentBulkWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    private static final String IMPORTED = StudentColumns.names(StudentColumns.IMPORTED);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    PostgresStudentWriter(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * The chunk's keys go in as arrays ({@code unnest}), so nothing is written for them. For each key, three index
     * probes into {@code student} ({@code lateral}, so the keys drive), whatever the registry's size and whatever its
     * statistics say: they lag behind a registry that imports have just filled (autovacuum analyses it later), and a
     * planner that believes the registry small hashes or scans all of it for every chunk, which measured tens of times
     * slower. Sequential scans are off for this one query (local to the transaction, set back at once) for the same
     * reason, and so is JIT compilation: with the scans priced out of reach the plan looks expensive, and compiling it
     * took longer than running it.
     */
    @Override
    public List<KeyMatch> matches(List<Key> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String[] before = jdbc.queryForObject(
                "select current_setting('enable_seqscan'), current_setting('jit'), set_config('enable_seqscan', 'off',"
                        + " true), set_config('jit', 'off', true)",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)});
        try {
            return jdbc.query(
                    """
                    select k.row_number, s.id, s.campaign_id, s.school_id, s.status, sc.name, s.kind
                      from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bigint[], ?::text[])
                           as k (row_number, personal_id_hash, moet_code, name_folded, birth_date, school_id,
                                 guardian_phone)
                      cross join lateral (
                            select s.id, s.campaign_id, s.school_id, s.status, 'EXACT' as kind
                              from student s
                             where %s
                               and s.status <> 'MERGED'
                            union all
                            select s.id, s.campaign_id, s.school_id, s.status, 'EXACT'
                              from student s
                             where %s
                               and s.status <> 'MERGED'
                            union all
                            select s.id, s.campaign_id, s.school_id, s.status, %s
                              from student s
                             where %s
                               and s.status <> 'MERGED'
                           ) s
                      join org_school sc on sc.id = s.school_id""".formatted(SAME_PERSONAL_ID, SAME_MOET_CODE, LIKELY_KIND, SAME_NAME_AND_BIRTH),
                    ps -> {
                        Connection con = ps.getConnection();
                        int n = keys.size();
                        Object[] rows = new Object[n];
                        Object[] hashes = new Object[n];
                        Object[] codes = new Object[n];
                        Object[] names = new Object[n];
                        Object[] births = new Object[n];
                        Object[] schools = new Object[n];
                        Object[] phones = new Object[n];
                        for (int i = 0; i < n; i++) {
                            Key k = keys.get(i);
                            rows[i] = k.row();
                            hashes[i] = k.personalIdHash();
                            codes[i] = k.moetCode();
                            names[i] = k.nameFolded();
                            births[i] = k.birthDate().toString();
                            schools[i] = k.schoolId();
                            phones[i] = k.guardianPhone();
                        }
                        ps.setArray(1, con.createArrayOf("int4", rows));
                        ps.setArray(2, con.createArrayOf("text", hashes));
                        ps.setArray(3, con.createArrayOf("text", codes));
                        ps.setArray(4, con.createArrayOf("text", names));
                        ps.setArray(5, con.createArrayOf("text", births));
                        ps.setArray(6, con.createArrayOf("int8", schools));
                        ps.setArray(7, con.createArrayOf("text", phones));
                    },
                    KeyMatch::read);
        } finally {
            jdbc.queryForObject(
                    "select set_config('enable_seqscan', ?, true), set_config('jit', ?, true)",
                    (rs, n) -> null,
                    (Object[]) before);
        }
    }

    @Override
    public void insertStudents(List<StudentRow> rows, Instant now) {
        String stamp = TIMESTAMP.format(now);
        copy(
                "copy student (" + IMPORTED + ", status, created_at, updated_at, version)"
                        + " from stdin with (format csv)",
                rows,
                (s, csv) ->
                        data(s, csv).text("REGISTERED").text(stamp).text(stamp).value(0));
    }

    @Override
    public void stageRows(List<CheckedRow> rows) {
        if (!rows.isEmpty()) {
            PostgresCopy.copyIn(
                    dataSource,
                    jdbc,
                    "copy student_import_staged (student_id, match_key, " + IMPORTED + ") from stdin with (format csv)",
                    stagedCsv(rows));
        }
    }

    /** The staged rows as {@link #stageRows} hands them to {@code COPY} (the CPU benchmark formats them alone). */
    static CsvReader<CheckedRow> stagedCsv(List<CheckedRow> rows) {
        return new CsvReader<>(
                rows, (r, csv) -> data(r.row, csv.value(r.studentId).text(r.matchKey)));
    }

    @Override
    public void updateStudents(List<StudentRow> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        // The same column types as the registry's, whatever they become.
        jdbc.execute("create temporary table if not exists student_import_update on commit drop as select id, "
                + IMPORTED + " from student with no data");
        jdbc.execute("create unique index if not exists student_import_update_id on student_import_update (id)");
        jdbc.execute("delete from student_import_update");
        copy(
                "copy student_import_update (id, " + IMPORTED + ") from stdin with (format csv)",
                rows,
                (s, csv) -> data(s, csv.value(s.id())));
        jdbc.update(
                "update student s set " + StudentColumns.assignmentsFrom("u", StudentColumns.IMPORTED)
                        + ", updated_at = ?, version = s.version + 1 from student_import_update u where s.id = u.id",
                java.sql.Timestamp.from(now));
    }

    /** Writes the values of {@link StudentColumns#IMPORTED}, each as COPY reads its type. */
    private static CopyCsv data(StudentRow s, CopyCsv csv) {
        for (Object value : s.values()) {
            if (value instanceof Boolean b) {
                csv.bool(b);
            } else if (value == null || value instanceof Number) {
                csv.value((Number) value);
            } else {
                csv.text(value.toString());
            }
        }
        return csv;
    }

    private <T> void copy(String sql, List<T> rows, BiConsumer<T, CopyCsv> format) {
        if (!rows.isEmpty()) {
            PostgresCopy.copyIn(dataSource, jdbc, sql, new CsvReader<>(rows, format));
        }
    }

    /** Formats rows into CSV a few hundred at a time as the driver asks for more characters. */
    static final class CsvReader<T> extends Reader {
        private final List<T> rows;
        private final BiConsumer<T, CopyCsv> format;
        private final StringBuilder buffer = new StringBuilder(64 * 1024);
        private int next;
        private int position;

        CsvReader(List<T> rows, BiConsumer<T, CopyCsv> format) {
            this.rows = rows;
            this.format = format;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position >= buffer.length()) {
                buffer.setLength(0);
                position = 0;
                while (next < rows.size() && buffer.length() < 48 * 1024) {
                    CopyCsv record = new CopyCsv(buffer);
                    format.accept(rows.get(next++), record);
                    record.end();
                }
                if (buffer.isEmpty()) {
                    return -1;
                }
            }
            int n = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + n, target, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {}
    }
}
