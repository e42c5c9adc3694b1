package vn.cungem.student.importing;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.SpreadsheetRefusedException;
import vn.cungem.shared.spreadsheet.TabularOptions;
import vn.cungem.shared.spreadsheet.TabularReader;

/**
 * Streams the rows of an uploaded student list, XLSX or CSV, as lists of cell texts, one row at a time, through the
 * shared {@link TabularReader} (which refuses hostile files before they can do harm), with this importer's bounds: a
 * long cell is cut and its row flagged rather than the file refused, and a CSV file may be Windows-1258, as Excel saves
 * it on a school's Vietnamese Windows.
 */
public final class SpreadsheetReader {

    /** The upload limit; Spring's multipart limit is set a little above it so this message is the one people see. */
    public static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

    public static final int MAX_ROWS = 200_000;
    public static final int MAX_CELL_CHARS = 2_000;
    /** What a read may hold, checked before reading (see {@link SpreadsheetGuard}). */
    static final SpreadsheetGuard.Limits LIMITS = SpreadsheetGuard.Limits.DEFAULT;

    // Title rows above the header do not count against the rows a list may have.
    private static final TabularOptions OPTIONS = new TabularOptions(
            LIMITS, MAX_FILE_BYTES, MAX_ROWS + 20, SpreadsheetReader::tooManyRows, MAX_CELL_CHARS, true, true);

    /** The file's format as an import stores it, to read the stored upload again later. */
    public enum Format {
        XLSX,
        CSV
    }

    /** A sheet of the workbook (a CSV file has one) and how many non-empty rows it holds, as an import job keeps it. */
    public record SheetInfo(int index, String name, int rows) {}

    /** Receives rows in file order; {@code number} is the spreadsheet's 1-based row number. */
    @FunctionalInterface
    public interface RowSink extends TabularReader.RowSink {}

    private SpreadsheetReader() {}

    /** Decides the format from the content (never from the file name) and rejects what is not a readable list. */
    public static Format check(byte[] content) {
        return Format.valueOf(
                refused(() -> TabularReader.check(content, OPTIONS)).name());
    }

    /** The sheets with their row counts, so the person can choose when the workbook has several. */
    public static List<SheetInfo> sheets(byte[] content) {
        return sheets(content, check(content));
    }

    /** The same for a file that {@link #check} already passed; waits briefly for a reading slot. */
    static List<SheetInfo> sheets(byte[] content, Format format) {
        return refused(() -> TabularReader.sheets(content, OPTIONS, SpreadsheetParsing.REQUEST_WAIT)).stream()
                .map(s -> new SheetInfo(s.index(), s.name(), s.rows()))
                .toList();
    }

    /** Streams the rows of one sheet (ignored for CSV); empty rows are passed as empty lists so numbers match. */
    public static void read(byte[] content, int sheetIndex, RowSink sink) {
        read(content, sheetIndex, sink, check(content), SpreadsheetParsing.REQUEST_WAIT);
    }

    /**
     * The same for a file that {@link #check} already passed (an upload stored after checking), so the zip is not
     * unpacked twice; the reader's own limits (rows, columns, cell length, no DTD) still apply. Waits at most
     * {@code wait} for a reading slot ({@link SpreadsheetParsing}).
     */
    static void read(byte[] content, int sheetIndex, RowSink sink, Format format, Duration wait) {
        refused(() -> {
            TabularReader.read(content, sheetIndex, OPTIONS, true, wait, sink);
            return null;
        });
    }

    /** The shared reader's refusals, as this importer's own. */
    private static <T> T refused(Supplier<T> work) {
        try {
            return work.get();
        } catch (SpreadsheetRefusedException e) {
            throw new ImportRejectedException(e.messageVi(), e.messageEn());
        }
    }

    static boolean blank(List<String> cells) {
        return TabularReader.blank(cells);
    }

    static ImportRejectedException tooManyRows() {
        return ImportRejectedException.of("studentImport.rejected.tooManyRows", MAX_ROWS);
    }
}
