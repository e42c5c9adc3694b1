package vn.cungem.shared.spreadsheet;

import java.util.function.Supplier;

/**
 * What one importer lets {@link TabularReader} take in: the sizes the guard allows ({@link SpreadsheetGuard.Limits}),
 * the largest file in bytes, the last spreadsheet row number it reads (with the refusal it gives past it, in its own
 * words), the longest cell, whether a longer cell is cut (the row is flagged by the importer) or refuses the file, and
 * whether a CSV file that is not UTF-8 may be Windows-1258 (Excel's plain "CSV" on a Vietnamese Windows).
 */
public record TabularOptions(
        SpreadsheetGuard.Limits limits,
        long maxFileBytes,
        int maxRowNumber,
        Supplier<? extends RuntimeException> tooManyRows,
        int maxCellChars,
        boolean cutLongCells,
        boolean windows1258) {

    /** The bounds the CSV scan applies before reading: none on a cell when long cells are cut as the file streams. */
    SpreadsheetGuard.Limits csvLimits() {
        return cutLongCells ? limits.withCellBytes(Integer.MAX_VALUE) : limits;
    }
}
