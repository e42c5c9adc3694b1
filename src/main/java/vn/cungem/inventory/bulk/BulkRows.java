package vn.cungem.inventory.bulk;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * Rows of the inventory's tables written many at a time, for the synthetic national data set: {@code COPY} on
 * PostgreSQL, batched inserts elsewhere (H2 in tests). Values are numbers, texts, dates and instants, or null.
 */
@Repository
public class BulkRows {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    BulkRows(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Writes {@code rows} (each in the order of {@code columns}) into {@code table}, one statement. */
    public void write(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        if (isPostgres()) {
            StringBuilder csv = new StringBuilder(rows.size() * 120);
            for (Object[] row : rows) {
                CopyCsv line = new CopyCsv(csv);
                for (Object v : row) {
                    if (v == null || v instanceof Number) {
                        line.value((Number) v);
                    } else {
                        line.text(v.toString());
                    }
                }
                line.end();
            }
            PostgresCopy.copyIn(
                    dataSource,
                    jdbc,
                    "copy " + table + " (" + names + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
            return;
        }
        List<Object[]> batch = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Object[] values = row.clone();
            for (int i = 0; i < values.length; i++) {
                if (values[i] instanceof Instant at) {
                    values[i] = at.atOffset(ZoneOffset.UTC);
                } else if (values[i] instanceof LocalDate day) {
                    values[i] = java.sql.Date.valueOf(day);
                }
            }
            batch.add(values);
        }
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        jdbc.batchUpdate("insert into " + table + " (" + names + ") values (" + marks + ")", batch);
    }

    /** The highest id of {@code table} now (0 when empty); rows written afterwards have higher ones. */
    public long highestId(String table) {
        Long max = jdbc.queryForObject("select max(id) from " + table, Long.class);
        return max == null ? 0 : max;
    }

    public boolean isPostgres() {
        if (postgres == null) {
            postgres = PostgresCopy.isPostgres(dataSource);
        }
        return postgres;
    }
}
