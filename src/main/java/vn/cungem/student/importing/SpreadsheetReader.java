package vn.cungem.student.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.SpreadsheetRefusedException;

/**
 * Streams the rows of an uploaded XLSX or CSV file as lists of cell texts, one row at a time, and refuses hostile files
 * before they can do harm: anything that is not a spreadsheet, password-protected and old binary Excel files, zip
 * bombs, XML with a DOCTYPE (entity expansion, external entities), more rows than an import takes, and cells of
 * megabytes. Formulas are never evaluated: a formula cell gives the value Excel cached for it.
 */
public final class SpreadsheetReader {

    /** The upload limit; Spring's multipart limit is set a little above it so this message is the one people see. */
    public static final int MAX_FILE_BYTES = 50 * 1024 * 1024;

    public static final int MAX_ROWS = 200_000;
    public static final int MAX_CELL_CHARS = 2_000;
    /** What a read may hold, checked before reading (see {@link SpreadsheetGuard}). */
    static final SpreadsheetGuard.Limits LIMITS = SpreadsheetGuard.Limits.DEFAULT;

    public enum Format {
        XLSX,
        CSV
    }

    /** A sheet of the workbook (a CSV file has one) and how many non-empty rows it holds. */
    public record SheetInfo(int index, String name, int rows) {}

    /** Receives rows in file order; {@code number} is the spreadsheet's 1-based row number. */
    @FunctionalInterface
    public interface RowSink {
        void row(int number, List<String> cells);
    }

    private SpreadsheetReader() {}

    /** Decides the format from the content (never from the file name) and rejects what is not a readable list. */
    public static Format check(byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportRejectedException("Tệp rỗng.", "The file is empty.");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw tooBig();
        }
        if (SpreadsheetGuard.isZip(content)) {
            refused(() -> SpreadsheetGuard.inspectXlsx(content, LIMITS));
            return Format.XLSX;
        }
        if (content.length >= 8
                && (content[0] & 0xFF) == 0xD0
                && (content[1] & 0xFF) == 0xCF
                && (content[2] & 0xFF) == 0x11
                && (content[3] & 0xFF) == 0xE0) {
            // An OLE2 container: Excel 97–2003 (.xls) or an encrypted .xlsx (Excel wraps those in OLE2 too).
            throw new ImportRejectedException(
                    "Tệp Excel có mật khẩu hoặc là định dạng .xls cũ: hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ"
                            + " sổ làm việc) và lưu thành \"Sổ làm việc Excel (.xlsx)\" hoặc \"CSV UTF-8\".",
                    "The Excel file is password-protected or in the old .xls format: remove the password and save it"
                            + " as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\".");
        }
        if (!hasUtf16Bom(content) && looksBinary(content)) {
            throw notASpreadsheet();
        }
        csvText(content);
        refused(() -> {
            // Long cells are cut as the CSV streams (and the row flagged), so only columns are bounded here.
            SpreadsheetGuard.checkCsv(content, LIMITS.withCellBytes(Integer.MAX_VALUE));
            return null;
        });
        return Format.CSV;
    }

    /** The sheets with their row counts, so the person can choose when the workbook has several. */
    public static List<SheetInfo> sheets(byte[] content) {
        return sheets(content, check(content));
    }

    /** The same for a file that {@link #check} already passed; waits briefly for a reading slot. */
    static List<SheetInfo> sheets(byte[] content, Format format) {
        return refused(() -> SpreadsheetParsing.read(
                content, LIMITS, true, SpreadsheetParsing.REQUEST_WAIT, () -> countSheets(content, format)));
    }

    private static List<SheetInfo> countSheets(byte[] content, Format format) {
        if (format == Format.CSV) {
            int[] count = {0};
            readCsv(content, (n, cells) -> {
                if (!blank(cells)) {
                    count[0]++;
                }
            });
            return List.of(new SheetInfo(0, "CSV", count[0]));
        }
        List<SheetInfo> out = new ArrayList<>();
        try (ReadableWorkbook workbook = open(content)) {
            for (Sheet sheet : workbook.getSheets().toList()) {
                int[] count = {0};
                try (var rows = sheet.openStream()) {
                    rows.forEach(row -> {
                        if (++count[0] > MAX_ROWS + 20) {
                            throw tooManyRows();
                        }
                        SpreadsheetGuard.checkColumns(row.getCellCount(), LIMITS);
                    });
                }
                out.add(new SheetInfo(sheet.getIndex(), sheet.getName(), count[0]));
            }
        } catch (ImportRejectedException | SpreadsheetRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        return out;
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
    static void read(byte[] content, int sheetIndex, RowSink sink, Format format, java.time.Duration wait) {
        refused(() -> {
            SpreadsheetParsing.read(content, LIMITS, true, wait, () -> readChecked(content, sheetIndex, sink, format));
            return null;
        });
    }

    private static void readChecked(byte[] content, int sheetIndex, RowSink sink, Format format) {
        if (format == Format.CSV) {
            readCsv(content, sink);
            return;
        }
        try (ReadableWorkbook workbook = open(content)) {
            Sheet sheet = workbook.getSheet(sheetIndex)
                    .orElseThrow(() -> new ImportRejectedException(
                            "Tệp không có trang tính đã chọn.", "The file has no such sheet."));
            try (var rows = sheet.openStream()) {
                int[] expected = {1};
                rows.forEach(row -> {
                    if (row.getRowNum() > MAX_ROWS + 20) {
                        throw tooManyRows();
                    }
                    // The reader skips empty rows; pad so row numbers in messages match the spreadsheet.
                    while (expected[0] < row.getRowNum()) {
                        sink.row(expected[0]++, List.of());
                    }
                    sink.row(expected[0]++, cells(row));
                });
            }
        } catch (ImportRejectedException | SpreadsheetRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** The shared guard's refusals, as this importer's own. */
    private static <T> T refused(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SpreadsheetRefusedException e) {
            throw new ImportRejectedException(e.messageVi(), e.messageEn());
        }
    }

    private static ReadableWorkbook open(byte[] content) throws IOException {
        return new ReadableWorkbook(new ByteArrayInputStream(content));
    }

    private static List<String> cells(Row row) {
        int count = row.getCellCount();
        SpreadsheetGuard.checkColumns(count, LIMITS);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Cell cell = row.getCell(i);
            values.add(cell == null ? "" : text(cell));
        }
        return values;
    }

    /** A cell as text: numbers without a trailing “.0” or exponent (IDs and phones typed as numbers), formulas cached. */
    private static String text(Cell cell) {
        String raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        if (raw.length() > MAX_CELL_CHARS) {
            // Kept one character too long so the row is refused with a message instead of silently cut.
            return raw.substring(0, MAX_CELL_CHARS + 1);
        }
        CellType type = cell.getType();
        if (type == CellType.NUMBER || (type == CellType.FORMULA && looksNumeric(raw))) {
            try {
                return new BigDecimal(raw).stripTrailingZeros().toPlainString();
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

    static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** How a CSV file's bytes are text: its character set and where the text starts (after a byte-order mark). */
    record CsvText(Charset charset, int start) {}

    /** Excel's "CSV" on a Vietnamese Windows, where the system code page is Windows-1258. */
    private static final Charset WINDOWS_1258 =
            Charset.isSupported("windows-1258") ? Charset.forName("windows-1258") : null;

    /**
     * The character set of a CSV file as schools' computers write them: UTF-8 (Excel's "CSV UTF-8", with or without a
     * byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode Text"), or else Windows-1258 (Excel's plain
     * "CSV" on a Vietnamese Windows), which keeps tone marks as separate combining characters; the reading folds those
     * into NFC like any other text. Bytes that are none of these are refused with advice.
     */
    static CsvText csvText(byte[] c) {
        if (c.length >= 3 && (c[0] & 0xFF) == 0xEF && (c[1] & 0xFF) == 0xBB && (c[2] & 0xFF) == 0xBF) {
            return new CsvText(StandardCharsets.UTF_8, 3);
        }
        if (c.length >= 2 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE) {
            return new CsvText(StandardCharsets.UTF_16LE, 2);
        }
        if (c.length >= 2 && (c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF) {
            return new CsvText(StandardCharsets.UTF_16BE, 2);
        }
        if (decodes(c, StandardCharsets.UTF_8)) {
            return new CsvText(StandardCharsets.UTF_8, 0);
        }
        if (WINDOWS_1258 != null && decodes(c, WINDOWS_1258)) {
            return new CsvText(WINDOWS_1258, 0);
        }
        throw new ImportRejectedException(
                "Không đọc được bảng mã của tệp CSV (không phải UTF-8 hay Windows-1258; có thể là phông TCVN3/VNI cũ):"
                        + " trong Excel hãy chọn \"CSV UTF-8 (phân cách bằng dấu phẩy)\" khi lưu, hoặc gửi tệp .xlsx.",
                "The CSV file's encoding cannot be read (neither UTF-8 nor Windows-1258; perhaps an old TCVN3/VNI"
                        + " font): in Excel choose \"CSV UTF-8\" when saving, or send the .xlsx file.");
    }

    private static boolean hasUtf16Bom(byte[] c) {
        return c.length >= 2
                && ((c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE || (c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF);
    }

    private static boolean decodes(byte[] content, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static void readCsv(byte[] content, RowSink sink) {
        CsvText text = csvText(content);
        CharsetDecoder decoder = text.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = content.length - text.start();
        // The first lines, decoded leniently (a multi-byte character may be cut at the end), to find the separator.
        char delimiter =
                detectDelimiter(new String(content, text.start(), Math.min(length, 64 * 1024), text.charset()));
        try (Reader reader = new java.io.BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(content, text.start(), length), decoder), 64 * 1024)) {
            readCsv(reader, delimiter, sink);
        } catch (CharacterCodingException e) {
            throw new ImportRejectedException(
                    "Tệp CSV có ký tự không đọc được; trong Excel hãy chọn \"CSV UTF-8\" khi lưu.",
                    "The CSV file has characters that cannot be read; in Excel choose \"CSV UTF-8\" when saving.");
        } catch (IOException e) {
            throw new ImportRejectedException("Không đọc được tệp CSV.", "The CSV file cannot be read.");
        }
    }

    private static void readCsv(Reader reader, char delimiter, RowSink sink) throws IOException {
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int number = 0;
        int pushed = -1;
        while (true) {
            int c = pushed >= 0 ? pushed : reader.read();
            pushed = -1;
            if (c < 0) {
                break;
            }
            if (quoted) {
                if (c != '"') {
                    append(field, c);
                    continue;
                }
                int next = reader.read();
                if (next == '"') {
                    append(field, '"');
                    continue;
                }
                quoted = false;
                pushed = next;
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int next = reader.read();
                    if (next != '\n') {
                        pushed = next;
                    }
                }
                row.add(field.toString());
                field.setLength(0);
                if (++number > MAX_ROWS + 20) {
                    throw tooManyRows();
                }
                sink.row(number, row);
                row = new ArrayList<>();
            } else {
                append(field, c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            sink.row(++number, row);
        }
    }

    /** Appends unless the cell is already over the limit (then it stays one over, so the row gets an error). */
    private static void append(StringBuilder field, int c) {
        if (field.length() <= MAX_CELL_CHARS) {
            field.append((char) c);
        }
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

    /** The separator used most on the busiest of the first lines (title rows above the header have few). */
    private static char detectDelimiter(String content) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        int best = 0;
        char chosen = ',';
        int lines = 0;
        boolean quoted = false;
        for (int i = 0; i < content.length() && lines < 12; i++) {
            char b = content.charAt(i);
            if (b == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (b == ',') {
                commas++;
            } else if (b == ';') {
                semicolons++;
            } else if (b == '\t') {
                tabs++;
            }
            if (b == '\n' || i == content.length() - 1) {
                int max = Math.max(commas, Math.max(semicolons, tabs));
                if (max > best) {
                    best = max;
                    chosen = tabs == max ? '\t' : semicolons == max ? ';' : ',';
                }
                commas = semicolons = tabs = 0;
                lines++;
            }
        }
        return chosen;
    }

    static ImportRejectedException tooManyRows() {
        return new ImportRejectedException(
                "Tệp có hơn " + MAX_ROWS + " dòng; hãy tách thành nhiều tệp (ví dụ theo trường hoặc theo xã).",
                "The file has more than " + MAX_ROWS + " rows; split it into several files (e.g. by school).");
    }

    static ImportRejectedException tooBig() {
        return new ImportRejectedException(
                "Tệp lớn hơn 50 MB; hãy tách thành nhiều tệp.", "The file is larger than 50 MB; split it.");
    }

    private static ImportRejectedException notASpreadsheet() {
        return new ImportRejectedException(
                "Tệp không phải bảng tính Excel (.xlsx) hay CSV; hãy dùng mẫu tải về từ trang này.",
                "The file is neither an Excel workbook (.xlsx) nor CSV; use the template from this page.");
    }

    private static ImportRejectedException unreadable(Throwable e) {
        org.slf4j.LoggerFactory.getLogger(SpreadsheetReader.class).debug("Unreadable spreadsheet", e);
        return new ImportRejectedException(
                "Không đọc được tệp Excel: tệp hỏng, có mật khẩu hoặc không phải .xlsx.",
                "The Excel file cannot be read: it is damaged, password-protected or not .xlsx.");
    }
}
