package vn.cungem.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.cungem.shared.InvalidValueException;

/**
 * Streams the rows of a workbook that {@link SpreadsheetGuard} has passed, through FastExcel. Formulas are never
 * evaluated: a formula cell gives the value Excel cached for it.
 */
final class XlsxRows {

    private XlsxRows() {}

    static List<TabularReader.SheetInfo> sheets(byte[] content, TabularOptions options) {
        List<TabularReader.SheetInfo> out = new ArrayList<>();
        try (ReadableWorkbook workbook = open(content)) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                int[] count = {0};
                try (var rows = sheet.openStream()) {
                    rows.forEach(row -> {
                        if (++count[0] > options.maxRowNumber()) {
                            throw options.tooManyRows().get();
                        }
                        SpreadsheetGuard.checkColumns(row.getCellCount(), options.limits());
                    });
                }
                out.add(new TabularReader.SheetInfo(sheet.getIndex(), sheet.getName(), count[0]));
            }
        } catch (InvalidValueException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        return out;
    }

    static void read(byte[] content, int sheetIndex, TabularOptions options, TabularReader.RowSink sink) {
        try (ReadableWorkbook workbook = open(content)) {
            Sheet sheet = workbook.getSheet(sheetIndex).orElseThrow(Refusals::noSuchSheet);
            try (var rows = sheet.openStream()) {
                int[] expected = {1};
                rows.forEach(row -> {
                    if (row.getRowNum() > options.maxRowNumber()) {
                        throw options.tooManyRows().get();
                    }
                    // The reader skips empty rows; pad so row numbers in messages match the spreadsheet.
                    while (expected[0] < row.getRowNum()) {
                        sink.row(expected[0]++, List.of());
                    }
                    sink.row(expected[0]++, cells(row, options));
                });
            }
        } catch (InvalidValueException e) {
            // The guard's and the importer's own refusals, thrown by the rows or by the sink.
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static ReadableWorkbook open(byte[] content) throws IOException {
        return new ReadableWorkbook(new ByteArrayInputStream(content));
    }

    private static List<String> cells(Row row, TabularOptions options) {
        int count = row.getCellCount();
        SpreadsheetGuard.checkColumns(count, options.limits());
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? "" : TabularReader.bounded(text(cell), options));
        }
        return values;
    }

    /** A cell as text: numbers without a trailing “.0” or exponent (IDs and phones typed as numbers), formulas cached. */
    private static String text(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        CellType type = cell.getType();
        if (raw.length() < 64 && (type == CellType.NUMBER || (type == CellType.FORMULA && looksNumeric(raw)))) {
            try {
                BigDecimal number = new BigDecimal(raw).stripTrailingZeros();
                // "1E+999999999" would be a billion digits written out.
                return Math.abs(number.scale()) > 64 ? raw : number.toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }
        return raw;
    }

    private static boolean looksNumeric(String raw) {
        return !raw.isEmpty()
                && (Character.isDigit(raw.charAt(0)) || raw.charAt(0) == '-')
                && raw.matches("-?[0-9.Ee+-]+");
    }

    private static SpreadsheetRefusedException unreadable(Throwable e) {
        org.slf4j.LoggerFactory.getLogger(XlsxRows.class).debug("Unreadable workbook", e);
        return SpreadsheetGuard.unreadable();
    }
}
