package vn.cungem.student.internal;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * Students written many at a time for the synthetic national data set (demo generator): COPY on PostgreSQL, batched
 * inserts on H2. Each row is {@link StudentColumns#REGISTERED}'s values then the status; their history lines and kept
 * counts are written afterwards for the whole campaign at once ({@link #history}, {@link StudentTallies#recount}).
 */
@Repository
public class StudentBulkRows {

    private static final String COLUMNS =
            StudentColumns.names(StudentColumns.REGISTERED) + ", status, created_at," + " updated_at, version";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    StudentBulkRows(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Highest student id now; the rows written afterwards all have higher ones. */
    public long highestId() {
        Long max = jdbc.queryForObject("select max(id) from student", Long.class);
        return max == null ? 0 : max;
    }

    public void insert(List<List<Object>> rows, String status, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        if (PostgresCopy.isPostgres(dataSource)) {
            StringBuilder csv = new StringBuilder(rows.size() * 400);
            String stamp = at.toString();
            for (List<Object> row : rows) {
                CopyCsv line = new CopyCsv(csv);
                for (Object v : row) {
                    if (v instanceof Boolean b) {
                        line.bool(b);
                    } else if (v == null || v instanceof Number) {
                        line.value((Number) v);
                    } else {
                        line.text(v.toString());
                    }
                }
                line.text(status).text(stamp).text(stamp).value(0);
                line.end();
            }
            PostgresCopy.copyIn(
                    dataSource,
                    jdbc,
                    "copy student (" + COLUMNS + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
            return;
        }
        List<Object[]> batch = new ArrayList<>(rows.size());
        Timestamp stamp = Timestamp.from(at);
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>(row);
            values.addAll(List.of(status, stamp, stamp, 0));
            batch.add(values.toArray());
        }
        jdbc.batchUpdate(
                "insert into student (" + COLUMNS + ") values (" + StudentColumns.marks(StudentColumns.REGISTERED)
                        + ", ?, ?, ?, ?)",
                batch);
    }

    /**
     * The status history the rows after {@code idsAfter} in the campaign would have had if people had moved them one by
     * one: registered; proposed (for all past it); then the decision. Three statements for the whole set.
     */
    public void history(long campaignId, long idsAfter, String note, Instant at) {
        Timestamp stamp = Timestamp.from(at);
        String insert = "insert into student_status_change (student_id, from_status, to_status, reason, account_id,"
                + " changed_by_name, changed_at) select id, %s, %s, ?, null, null, ? from student"
                + " where campaign_id = ? and id > ? and status in (%s)";
        jdbc.update(
                insert.formatted("null", "'REGISTERED'", "'REGISTERED','PROPOSED','APPROVED','RETURNED','REJECTED'"),
                note,
                stamp,
                campaignId,
                idsAfter);
        jdbc.update(
                insert.formatted("'REGISTERED'", "'PROPOSED'", "'PROPOSED','APPROVED','RETURNED','REJECTED'"),
                note,
                stamp,
                campaignId,
                idsAfter);
        jdbc.update(
                insert.formatted("'PROPOSED'", "status", "'APPROVED','RETURNED','REJECTED'"),
                note,
                stamp,
                campaignId,
                idsAfter);
    }
}
