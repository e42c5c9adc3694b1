package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.student.importing.values.FreeText;
import vn.cungem.student.importing.values.ValueField;

/**
 * The distinct free texts of a file as the preview met them ({@code student_import_text}, V211): each once, as the
 * file writes it at its first row, with its number of rows. The value-mapping step reads these few texts instead of
 * the whole file.
 */
@Component
class FileTexts {

    /** One distinct text: the field, its folded form (the key), the cell as written at its first row, its rows. */
    record Kept(ValueField field, String folded, String raw, int firstRow, int rows) {}

    /** Collects the texts of the rows being checked, from several threads at once. */
    static final class Collector {
        private final ConcurrentHashMap<String, Kept> texts = new ConcurrentHashMap<>();

        void add(int row, FreeText t, String raw) {
            if (t.folded() == null || t.folded().length() > 2000 || (raw != null && raw.length() > 2000)) {
                return;
            }
            texts.merge(
                    t.field().name() + '\u0000' + t.folded(), new Kept(t.field(), t.folded(), raw, row, 1), (a, b) -> {
                        Kept first = a.firstRow() <= b.firstRow() ? a : b;
                        return new Kept(
                                first.field(), first.folded(), first.raw(), first.firstRow(), a.rows() + b.rows());
                    });
        }

        Collection<Kept> texts() {
            return texts.values();
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FileTexts(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Replaces the import's texts with these, on the caller's transaction. */
    void save(long importId, Collection<Kept> texts) {
        delete(importId);
        List<Object[]> rows = new ArrayList<>(texts.size());
        for (Kept k : texts) {
            rows.add(new Object[] {importId, k.field().name(), k.folded(), k.raw(), k.firstRow(), k.rows()});
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate(
                    "insert into student_import_text (import_id, field, text_folded, text_raw, first_row, row_count)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    /** In the order of their first row; empty when the import was previewed before texts were kept. */
    List<Kept> of(long importId) {
        return jdbc.sql("select field, text_folded, text_raw, first_row, row_count from student_import_text"
                        + " where import_id = ? order by first_row, field")
                .param(importId)
                .query((rs, n) -> new Kept(
                        ValueField.valueOf(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5)))
                .list();
    }

    void delete(long importId) {
        jdbc.sql("delete from student_import_text where import_id = ?")
                .param(importId)
                .update();
    }
}
