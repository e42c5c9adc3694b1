package vn.cungem.shared.spreadsheet;

import java.time.Duration;
import java.util.List;

/**
 * The one reader of uploaded tables (student lists, bank statements, the list of administrative units): rows of cell
 * texts with their spreadsheet row numbers, blank rows kept so that numbers in messages match what the person sees.
 * It decides the format from the content (never from the file name) and refuses hostile files before they can do
 * harm: anything that is not a spreadsheet, password-protected and old binary Excel files, files over the importer's
 * size, zip bombs, XML with a DOCTYPE (entity expansion, external entities), rows padded to thousands of columns, more
 * rows than the importer takes, and cells of megabytes. XLSX is read by FastExcel after {@link SpreadsheetGuard}'s
 * inspection, CSV by Apache Commons CSV as it decodes. Refusals are {@link SpreadsheetRefusedException}s (the row
 * bound's is the importer's own); each importer words them as its own errors.
 */
public final class TabularReader {

    public enum Format {
        XLSX,
        CSV
    }

    /** A sheet of the workbook (a CSV file has one) and how many rows it holds. */
    public record SheetInfo(int index, String name, int rows) {}

    /** Receives rows in file order; {@code number} is the spreadsheet's 1-based row number. */
    @FunctionalInterface
    public interface RowSink {
        void row(int number, List<String> cells);
    }

    private TabularReader() {}

    /**
     * Decides the format and refuses what is not a readable table, inspecting all of it: an XLSX file's parts are
     * unpacked once and counted, a CSV file's encoding is found and its rows scanned. For an upload that is checked
     * when it arrives and read later.
     */
    public static Format check(byte[] content, TabularOptions options) {
        Format format = sniff(content, options);
        if (format == Format.XLSX) {
            SpreadsheetGuard.inspectXlsx(content, options.limits());
        }
        return format;
    }

    /**
     * The sheets with their row counts (non-empty rows for a CSV file, stored rows for a workbook, counted without
     * reading their cells: {@link XlsxRowCount}), for a file that
     * {@link #check} passed; waits at most {@code wait} for a reading slot ({@link SpreadsheetParsing}).
     */
    public static List<SheetInfo> sheets(byte[] content, TabularOptions options, Duration wait) {
        return SpreadsheetParsing.read(
                content,
                options.limits(),
                true,
                wait,
                () -> SpreadsheetGuard.isZip(content)
                        ? XlsxRowCount.sheets(content, options)
                        : List.of(new SheetInfo(0, "CSV", CsvRows.count(content, options))));
    }

    /**
     * Streams the rows of one sheet (the first is 0; a CSV file has only that one) to {@code sink}, in a reading slot
     * taken within {@code wait}. {@code checked} says that {@link #check} passed the file already (an upload stored
     * after checking), so the zip is not unpacked twice; the reader's own bounds still apply.
     */
    public static void read(
            byte[] content, int sheet, TabularOptions options, boolean checked, Duration wait, RowSink sink) {
        Format format =
                checked ? (SpreadsheetGuard.isZip(content) ? Format.XLSX : Format.CSV) : sniff(content, options);
        // A CSV file was scanned by the sniffing; a workbook not yet checked is inspected in the slot.
        boolean inspected = checked || format == Format.CSV;
        SpreadsheetParsing.read(content, options.limits(), inspected, wait, () -> {
            if (format == Format.CSV) {
                CsvRows.read(content, options, sink);
            } else {
                XlsxRows.read(content, sheet, options, sink);
            }
        });
    }

    /** Whether a row has nothing but blank cells. */
    public static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The format, from the first bytes; refuses an empty or oversized file, an OLE2 container and binary content. A
     * CSV file's encoding is found and its rows scanned for their width (and cells, unless long cells are cut).
     */
    private static Format sniff(byte[] content, TabularOptions options) {
        if (content == null || content.length == 0) {
            throw Refusals.empty();
        }
        if (content.length > options.maxFileBytes()) {
            throw Refusals.tooBig(options.maxFileBytes());
        }
        if (SpreadsheetGuard.isZip(content)) {
            return Format.XLSX;
        }
        if (content.length >= 4
                && (content[0] & 0xFF) == 0xD0
                && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11
                && (content[3] & 0xFF) == 0xE0) {
            // An OLE2 container: Excel 97–2003 (.xls) or an encrypted .xlsx (Excel wraps those in OLE2 too).
            throw Refusals.protectedOrOldExcel();
        }
        if (!CsvEncoding.hasUtf16Bom(content) && looksBinary(content)) {
            throw SpreadsheetGuard.notASpreadsheet();
        }
        CsvEncoding.of(content, options.windows1258());
        SpreadsheetGuard.checkCsv(content, options.csvLimits());
        return Format.CSV;
    }

    private static boolean looksBinary(byte[] content) {
        int n = Math.min(content.length, 4096);
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0 || b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * A cell within the importer's length: one character over when long cells are cut (so that the importer can flag
     * the row instead of silently keeping part of it), refused otherwise.
     */
    static String bounded(String value, TabularOptions options) {
        if (value.length() <= options.maxCellChars()) {
            return value;
        }
        if (!options.cutLongCells()) {
            throw Refusals.cellTooLong(options.maxCellChars());
        }
        return value.substring(0, options.maxCellChars() + 1);
    }
}
