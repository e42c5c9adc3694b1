package vn.cungem.student.importing;

import static vn.cungem.student.importing.StudentBulkWriter.LIKELY_KIND;
import static vn.cungem.student.importing.StudentBulkWriter.SAME_MOET_CODE;
import static vn.cungem.student.importing.StudentBulkWriter.SAME_NAME_AND_BIRTH;
import static vn.cungem.student.importing.StudentBulkWriter.SAME_PERSONAL_ID;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.student.internal.StudentColumns;

/**
 * The rows a preview checked, kept ready to write ({@code student_import_staged}, V210), so that a commit only moves
 * them into the registry instead of reading and checking the file again. Everything here is set-based SQL on the
 * caller's transaction; rows are reached only by their import's id, which its runs alone hold.
 */
@Component
class StagedRows {

    private static final String IMPORTED = StudentColumns.names(StudentColumns.IMPORTED);

    private final JdbcClient jdbc;
    private final StudentBulkWriter writer;

    StagedRows(JdbcClient jdbc, StudentBulkWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /** Keeps the chunk's rows that a commit would write (insert or update), in bulk; returns how many. */
    int stage(List<CheckedRow> chunk) {
        List<CheckedRow> writable = new ArrayList<>(chunk.size());
        for (CheckedRow r : chunk) {
            if (r.writable()) {
                writable.add(r);
            }
        }
        if (!writable.isEmpty()) {
            writer.stageRows(writable);
        }
        return writable.size();
    }

    /** How many rows of the import are staged now. */
    long count(long importId) {
        return jdbc.sql("select count(*) from student_import_staged where source_import_id = ?")
                .param(importId)
                .query(Long.class)
                .single();
    }

    /**
     * Whether every staged row still matches exactly the registered students it matched at the preview, with the same
     * kind of match, campaign, school and status: a child registered, edited, moved, merged or decided since then
     * makes it false (and the commit checks the file again). One query over all rows; only the rows that match
     * someone come back, so a file of new children costs little.
     */
    boolean unchanged(long importId) {
        Map<Integer, String> then = new HashMap<>();
        jdbc.sql("select source_row, match_key from student_import_staged where source_import_id = ?"
                        + " and match_key is not null")
                .param(importId)
                .query((rs, n) -> then.put(rs.getInt(1), rs.getString(2)))
                .list();
        Map<Integer, List<KeyMatch>> now = new HashMap<>();
        String columns = "select k.source_row, s.id, s.campaign_id, s.school_id, s.status, '', ";
        String live = " where k.source_import_id = ? and s.status <> 'MERGED'";
        jdbc.sql(columns + "'EXACT' from student_import_staged k join student s on " + SAME_PERSONAL_ID + live
                        + " union all "
                        + columns + "'EXACT' from student_import_staged k join student s on " + SAME_MOET_CODE + live
                        + " union all "
                        + columns + LIKELY_KIND + " from student_import_staged k join student s on "
                        + SAME_NAME_AND_BIRTH + live)
                .params(importId, importId, importId)
                .query(KeyMatch::read)
                .list()
                .forEach(m ->
                        now.computeIfAbsent(m.row(), x -> new ArrayList<>()).add(m));
        if (now.size() != then.size()) {
            return false;
        }
        for (Map.Entry<Integer, List<KeyMatch>> e : now.entrySet()) {
            if (!KeyMatch.key(e.getValue()).equals(then.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The new students, in file order (their ids too); returns how many. */
    int insertNew(long importId, Instant now) {
        Timestamp stamp = Timestamp.from(now);
        return jdbc.sql("insert into student (" + IMPORTED + ", status, created_at, updated_at, version) select "
                        + IMPORTED + ", 'REGISTERED', ?, ?, 0 from student_import_staged where source_import_id = ?"
                        + " and student_id is null order by source_row")
                .params(stamp, stamp, importId)
                .update();
    }

    /** The students of the campaign that rows of the file are: their data overwritten, version bumped. */
    int updateMatched(long importId, Instant now) {
        return jdbc.sql("merge into student s using (select student_id, " + IMPORTED
                        + " from student_import_staged where source_import_id = ? and student_id is not null) u"
                        + " on s.id = u.student_id when matched then update set "
                        + StudentColumns.assignmentsFrom("u", StudentColumns.IMPORTED)
                        + ", updated_at = ?, version = s.version + 1")
                .params(importId, Timestamp.from(now))
                .update();
    }

    /** Children's data is not kept once the import no longer needs it (committed, discarded, failed, re-checked). */
    void delete(long importId) {
        jdbc.sql("delete from student_import_staged where source_import_id = ?")
                .param(importId)
                .update();
    }
}
