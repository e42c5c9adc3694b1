package vn.cungem.inventory.connectivity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.cungem.inventory.connectivity.ConnectionHeaders.Column;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.SpreadsheetRefusedException;
import vn.cungem.shared.spreadsheet.TabularOptions;
import vn.cungem.shared.spreadsheet.TabularReader;

/**
 * A file of SIMs, packages or Wi-Fi devices, CSV or XLSX, as operators export them: title rows, then a header on one
 * or two rows (or in two languages), then one row per SIM; numbers may be cells Excel holds as numbers. Read through
 * the shared tolerant reader; what it refuses is refused in our words, and the rows come back with their spreadsheet
 * numbers so problems name the row the person sees.
 */
final class ConnectionSheet {

    static final int MAX_ROWS = 20_000;
    private static final long MAX_FILE_BYTES = 10L << 20;

    private static final TabularOptions OPTIONS = new TabularOptions(
            SpreadsheetGuard.Limits.DEFAULT,
            MAX_FILE_BYTES,
            MAX_ROWS + HeaderVocabulary.SEARCH_ROWS,
            () -> InvalidValueException.of(
                    "connectivity.file.too-many-rows", "connectivity.error.file-rows", Integer.toString(MAX_ROWS)),
            1_000,
            false,
            true);

    private ConnectionSheet() {}

    /** A data row: its spreadsheet number and the cells of the recognised columns. */
    record SheetRow(int number, Map<Column, String> cells) {
        String get(Column c) {
            return cells.get(c);
        }
    }

    static List<SheetRow> read(byte[] content) {
        List<HeaderVocabulary.Row> rows = new ArrayList<>();
        try {
            TabularReader.read(
                    content,
                    0,
                    OPTIONS,
                    false,
                    SpreadsheetParsing.REQUEST_WAIT,
                    (number, cells) -> rows.add(new HeaderVocabulary.Row(number, List.copyOf(cells))));
        } catch (SpreadsheetRefusedException e) {
            throw new InvalidValueException("connectivity.file.refused", e.messageVi(), e.messageEn());
        }
        HeaderVocabulary.Header<Column> header = ConnectionHeaders.VOCABULARY
                .find(rows)
                .filter(h -> h.fields().containsKey(Column.PHONE) || h.fields().containsKey(Column.SERIAL))
                .orElseThrow(() ->
                        InvalidValueException.of("connectivity.file.no-header", "connectivity.error.file-header"));
        List<SheetRow> out = new ArrayList<>();
        int headerEnds = header.lastRow();
        for (HeaderVocabulary.Row row : rows) {
            if (row.number() <= headerEnds || TabularReader.blank(row.cells())) {
                continue;
            }
            if (row.number() == headerEnds + 1 && repeatsHeader(header, row)) {
                // the header again in another language on the next line ("Số thuê bao" above "Subscriber")
                headerEnds = row.number();
                continue;
            }
            Map<Column, String> cells = new java.util.EnumMap<>(Column.class);
            header.fields().forEach((column, index) -> {
                String v = index < row.cells().size() ? row.cells().get(index) : null;
                if (v != null && !v.isBlank()) {
                    cells.put(column, v.strip());
                }
            });
            if (cells.containsKey(Column.PHONE) || cells.containsKey(Column.SERIAL) || hasValues(cells)) {
                out.add(new SheetRow(row.number(), cells));
            }
        }
        if (out.isEmpty()) {
            throw InvalidValueException.of("connectivity.file.empty", "connectivity.error.file-empty");
        }
        return out;
    }

    /** Whether at least two of the row's cells name the same fields as the header's columns above them. */
    private static boolean repeatsHeader(HeaderVocabulary.Header<Column> header, HeaderVocabulary.Row row) {
        int same = 0;
        for (var e : header.fields().entrySet()) {
            int i = e.getValue();
            if (i < row.cells().size()
                    && ConnectionHeaders.VOCABULARY
                            .recognise(row.cells().get(i))
                            .filter(c -> c.field() == e.getKey())
                            .isPresent()) {
                same++;
            }
        }
        return same >= 2;
    }

    /** A row with something besides its running number (a total line has nothing we read). */
    private static boolean hasValues(Map<Column, String> cells) {
        return cells.keySet().stream().anyMatch(c -> c != Column.ROW_NUMBER && c != Column.NOTE);
    }
}
