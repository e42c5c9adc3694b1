package vn.cungem.donation.cash;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.cungem.donation.cash.StatementRejectedException.LineProblem;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.SpreadsheetRefusedException;
import vn.cungem.shared.text.VietnameseText;

/**
 * Reads a bank statement as Vietnamese banks export it, CSV or XLSX: title rows (bank, account, period) above a header
 * row, then one row per transaction with date, reference (số bút toán), debit (ghi nợ), credit (ghi có), balance (số
 * dư) and description (nội dung). Every problem is collected with its line number; the file is rejected as a whole
 * when there is any, so a statement is never half imported.
 */
public final class StatementParser {

    public static final int MAX_LINES = 200_000;
    /** What a read may hold, checked before reading (see {@link SpreadsheetGuard}). */
    static final SpreadsheetGuard.Limits LIMITS = SpreadsheetGuard.Limits.DEFAULT;

    static final long MAX_UNZIPPED_BYTES = LIMITS.maxUnzippedBytes();
    private static final int MAX_PROBLEMS = 20;
    private static final int HEADER_SEARCH_ROWS = 30;
    private static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    enum Column {
        DATE,
        REFERENCE,
        DEBIT,
        CREDIT,
        BALANCE,
        DESCRIPTION
    }

    /** Header synonyms, folded and stripped of everything but letters and digits. */
    private static final Map<Column, Set<String>> SYNONYMS = Map.of(
            Column.DATE,
            Set.of(
                    "ngay",
                    "ngaygiaodich",
                    "ngaygd",
                    "ngayhachtoan",
                    "ngaythuchien",
                    "ngayhieuluc",
                    "ngaychungtu",
                    "date",
                    "transactiondate",
                    "txndate",
                    "postingdate",
                    "bookingdate",
                    "valuedate",
                    "effectivedate"),
            Column.REFERENCE,
            Set.of(
                    "sobuttoan",
                    "buttoan",
                    "magiaodich",
                    "magd",
                    "sogiaodich",
                    "sothamchieu",
                    "mathamchieu",
                    "sochungtu",
                    "soct",
                    "reference",
                    "ref",
                    "refno",
                    "referenceno",
                    "referencenumber",
                    "transactionid",
                    "transactionno",
                    "transactionnumber"),
            Column.DEBIT,
            Set.of(
                    "ghino",
                    "sotienghino",
                    "no",
                    "psno",
                    "phatsinhno",
                    "sotienno",
                    "tienra",
                    "debit",
                    "debitamount",
                    "debits",
                    "withdrawal",
                    "withdrawals",
                    "moneyout"),
            Column.CREDIT,
            Set.of(
                    "ghico",
                    "sotienghico",
                    "co",
                    "psco",
                    "phatsinhco",
                    "sotienco",
                    "tienvao",
                    "credit",
                    "creditamount",
                    "credits",
                    "deposit",
                    "deposits",
                    "moneyin"),
            Column.BALANCE,
            Set.of("sodu", "sodusau", "sodusaugiaodich", "sodusaugd", "balance", "runningbalance"),
            Column.DESCRIPTION,
            Set.of(
                    "noidung",
                    "noidunggiaodich",
                    "noidungchitiet",
                    "diengiai",
                    "mota",
                    "chitiet",
                    "description",
                    "details",
                    "transactiondetails",
                    "narrative",
                    "remarks"));

    private static final Pattern SUMMARY_ROW =
            Pattern.compile("^(tong|total|cong|so du|opening|closing|balance|ending|beginning).*");
    private static final Pattern CURRENCY = Pattern.compile("(?i)(vnd|vnđ|đồng|dong|đ|₫|\\s|\\u00A0)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern COMMA_THEN_DECIMAL = Pattern.compile("(\\d{1,3}(?:,\\d{3})*|\\d+)\\.(\\d{1,2})");
    private static final Pattern DOT_THEN_DECIMAL = Pattern.compile("(\\d{1,3}(?:\\.\\d{3})*|\\d+),(\\d{1,2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("(\\d{5})(\\.\\d+)?");
    private static final DateTimeFormatter[] DATE_FORMATS = {
        DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
        DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT)
    };
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private StatementParser() {}

    /** The transaction lines of the file, in file order; throws {@link StatementRejectedException} on any problem. */
    public static List<StatementLine> parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw StatementRejectedException.of("Tệp rỗng.", "The file is empty.");
        }
        if (content.length > 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF) {
            throw StatementRejectedException.of(
                    "Tệp Excel có mật khẩu hoặc là định dạng .xls cũ: hãy bỏ mật khẩu và lưu thành .xlsx hoặc CSV (UTF-8).",
                    "The Excel file is password-protected or old .xls: remove the password and save as .xlsx or CSV"
                            + " (UTF-8).");
        }
        // One of a few reads at a time, each bounded before it starts: a file that would need more memory than a real
        // statement is refused without being read.
        try {
            return SpreadsheetParsing.read(content, LIMITS, false, SpreadsheetParsing.REQUEST_WAIT, () -> {
                Collector collector = new Collector();
                if (SpreadsheetGuard.isZip(content)) {
                    readXlsx(content, collector);
                } else {
                    readCsv(content, collector);
                }
                return collector.finish();
            });
        } catch (SpreadsheetRefusedException e) {
            throw StatementRejectedException.of(e.messageVi(), e.messageEn());
        }
    }

    /** Receives the file's rows one at a time, finds the header, then turns each row into a line or a problem. */
    static final class Collector implements Consumer<List<String>> {
        private final List<StatementLine> lines = new ArrayList<>();
        private final List<LineProblem> problems = new ArrayList<>();
        private Map<Column, Integer> columns;
        private int rowNumber;

        @Override
        public void accept(List<String> cells) {
            rowNumber++;
            if (rowNumber > MAX_LINES + HEADER_SEARCH_ROWS) {
                throw StatementRejectedException.of(
                        "Tệp có quá " + MAX_LINES + " dòng; hãy tách theo tháng.",
                        "The file has more than " + MAX_LINES + " lines; split it by month.");
            }
            if (columns == null) {
                if (rowNumber <= HEADER_SEARCH_ROWS) {
                    columns = header(cells);
                }
                return;
            }
            if (problems.size() >= MAX_PROBLEMS || blank(cells)) {
                return;
            }
            line(rowNumber, cells);
        }

        void line(int row, List<String> cells) {
            String date = cell(cells, Column.DATE);
            String description = VietnameseText.tidy(cell(cells, Column.DESCRIPTION));
            LocalDate bookedOn = date.isEmpty() ? null : date(date);
            if (bookedOn == null) {
                // Totals and opening/closing balance rows below or between the transactions carry no date.
                String first = VietnameseText.fold(cells.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .findFirst()
                        .orElse(""));
                if (SUMMARY_ROW.matcher(first).matches()) {
                    return;
                }
            }
            if (date.isEmpty()) {
                problem(row, "thiếu ngày giao dịch", "the transaction date is missing");
                return;
            }
            if (bookedOn == null) {
                problem(
                        row,
                        "ngày \"" + date + "\" không đọc được (dd/MM/yyyy)",
                        "the date \"" + date + "\" cannot be read (dd/MM/yyyy)");
                return;
            }
            Long debit = amount(row, cell(cells, Column.DEBIT), "ghi nợ", "debit");
            Long credit = amount(row, cell(cells, Column.CREDIT), "ghi có", "credit");
            String balanceText = cell(cells, Column.BALANCE);
            Long balance = balanceText.isEmpty() ? null : amount(row, balanceText, "số dư", "balance");
            if (debit == null || credit == null || (!balanceText.isEmpty() && balance == null)) {
                return;
            }
            if (debit > 0 && credit > 0) {
                problem(row, "có cả số ghi nợ và ghi có", "has both a debit and a credit amount");
                return;
            }
            if (debit == 0 && credit == 0) {
                problem(row, "không có số tiền ghi nợ hay ghi có", "has neither a debit nor a credit amount");
                return;
            }
            String reference = VietnameseText.tidy(cell(cells, Column.REFERENCE));
            if (reference != null && reference.length() > 100) {
                problem(row, "số bút toán dài quá 100 ký tự", "the reference is longer than 100 characters");
                return;
            }
            if (description.length() > 1000) {
                description = description.substring(0, 1000);
            }
            lines.add(new StatementLine(
                    row,
                    bookedOn,
                    reference == null || reference.isEmpty() ? null : reference,
                    debit,
                    credit,
                    balance,
                    description));
        }

        private Long amount(int row, String text, String nameVi, String nameEn) {
            try {
                return StatementParser.amount(text);
            } catch (IllegalArgumentException e) {
                problem(
                        row,
                        "số tiền " + nameVi + " \"" + text + "\" không đọc được (ví dụ 1.250.000)",
                        "the " + nameEn + " amount \"" + text + "\" cannot be read (e.g. 1,250,000)");
                return null;
            }
        }

        private void problem(int row, String vi, String en) {
            problems.add(new LineProblem(row, vi, en));
        }

        private String cell(List<String> cells, Column column) {
            Integer index = columns.get(column);
            if (index == null || index >= cells.size()) {
                return "";
            }
            String value = cells.get(index);
            return value == null ? "" : value.strip();
        }

        List<StatementLine> finish() {
            if (columns == null) {
                throw StatementRejectedException.of(
                        "Không tìm thấy dòng tiêu đề (cần các cột Ngày, Ghi nợ/Ghi có, Nội dung) trong "
                                + HEADER_SEARCH_ROWS + " dòng đầu.",
                        "No header row (needing Date, Debit/Credit and Description columns) in the first "
                                + HEADER_SEARCH_ROWS + " lines.");
            }
            if (!problems.isEmpty()) {
                throw new StatementRejectedException(problems);
            }
            if (lines.isEmpty()) {
                throw StatementRejectedException.of(
                        "Sao kê không có giao dịch nào.", "The statement has no transactions.");
            }
            return lines;
        }
    }

    static Map<Column, Integer> header(List<String> cells) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int c = 0; c < cells.size(); c++) {
            String key = headerKey(cells.get(c));
            for (var entry : SYNONYMS.entrySet()) {
                if (entry.getValue().contains(key)) {
                    found.putIfAbsent(entry.getKey(), c);
                }
            }
        }
        boolean complete = found.containsKey(Column.DATE)
                && found.containsKey(Column.DESCRIPTION)
                && (found.containsKey(Column.DEBIT) || found.containsKey(Column.CREDIT));
        return complete ? found : null;
    }

    static String headerKey(String header) {
        if (header == null) {
            return "";
        }
        // "Số tiền ghi có (VND)" and "Credit (VND)": the unit in brackets is not part of the name.
        String withoutUnit = header.replaceAll("\\(.*?\\)", "");
        return VietnameseText.fold(withoutUnit).replaceAll("[^a-z0-9]", "");
    }

    /** Whole VND from {@code 1.250.000}, {@code 1,250,000}, {@code 1250000}, {@code 1,250,000.00}, {@code 500.000 đ}. */
    static long amount(String text) {
        if (text != null && !text.isEmpty() && text.length() <= 16 && allDigits(text)) {
            return checked(Long.parseLong(text));
        }
        String s =
                CURRENCY.matcher(text == null ? "" : VietnameseText.tidy(text)).replaceAll("");
        if (s.isEmpty() || s.equals("-")) {
            return 0;
        }
        String digits;
        Matcher m;
        if (DIGITS.matcher(s).matches()) {
            digits = s;
        } else if (DOT_GROUPS.matcher(s).matches()) {
            digits = s.replace(".", "");
        } else if (COMMA_GROUPS.matcher(s).matches()) {
            digits = s.replace(",", "");
        } else if ((m = COMMA_THEN_DECIMAL.matcher(s)).matches() || (m = DOT_THEN_DECIMAL.matcher(s)).matches()) {
            // Some banks print two decimals; VND has none, so they must be zero.
            if (Integer.parseInt(m.group(2)) != 0) {
                throw new IllegalArgumentException("fraction of a dong");
            }
            digits = m.group(1).replaceAll("[.,]", "");
        } else {
            throw new IllegalArgumentException("not an amount");
        }
        if (digits.length() > 16) {
            throw new IllegalArgumentException("too large");
        }
        return checked(Long.parseLong(digits));
    }

    private static long checked(long value) {
        if (value > MAX_AMOUNT) {
            throw new IllegalArgumentException("too large");
        }
        return value;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** dd/MM/yyyy, dd-MM-yyyy, ISO, with or without a time after it, or an Excel serial day number; null if none. */
    static LocalDate date(String text) {
        String s = text.strip();
        Matcher serial = EXCEL_SERIAL.matcher(s);
        if (serial.matches()) {
            long days = Long.parseLong(serial.group(1));
            return days < 20_000 || days > 80_000 ? null : EXCEL_EPOCH.plusDays(days);
        }
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space);
        }
        int t = s.indexOf('T');
        if (t > 0) {
            s = s.substring(0, t);
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                LocalDate date = LocalDate.parse(s, format);
                return date.getYear() < 2000 || date.getYear() > 2100 ? null : date;
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        return null;
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Reads a workbook that {@link SpreadsheetGuard#inspectXlsx} has passed. */
    static void readXlsx(byte[] content, Consumer<List<String>> rows) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            try (var stream = sheet.openStream()) {
                int[] expected = {1};
                stream.forEach(row -> {
                    // The reader skips empty rows; pad so line numbers in messages match the spreadsheet.
                    while (expected[0] < row.getRowNum()) {
                        rows.accept(List.of());
                        expected[0]++;
                    }
                    rows.accept(cells(row));
                    expected[0]++;
                });
            }
        } catch (StatementRejectedException | SpreadsheetRefusedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StatementParser.class).debug("Unreadable XLSX", e);
            throw StatementRejectedException.of(
                    "Không đọc được tệp Excel: tệp hỏng, có mật khẩu hoặc không phải .xlsx.",
                    "The Excel file cannot be read: it is damaged, password-protected or not .xlsx.");
        }
    }

    private static List<String> cells(Row row) {
        SpreadsheetGuard.checkColumns(row.getCellCount(), LIMITS);
        List<String> values = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            String text = cell == null ? "" : cell.getRawValue();
            values.add(text == null ? "" : text);
        }
        return values;
    }

    static void readCsv(byte[] content, Consumer<List<String>> rows) {
        int start = content.length >= 3
                        && (content[0] & 0xFF) == 0xEF
                        && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF
                ? 3
                : 0;
        if (looksBinary(content)) {
            throw StatementRejectedException.of(
                    "Tệp không phải CSV hay Excel (.xlsx).", "The file is neither CSV nor Excel (.xlsx).");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char delimiter = detectDelimiter(content, start);
        // Decoded in one go and scanned as an array: a Reader read char by char costs a call and a lock per char.
        try {
            java.nio.CharBuffer text = decoder.decode(java.nio.ByteBuffer.wrap(content, start, content.length - start));
            readCsv(text, delimiter, rows);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw StatementRejectedException.of(
                    "Tệp CSV không phải mã UTF-8: trong Excel hãy chọn \"CSV UTF-8\" khi lưu.",
                    "The CSV file is not UTF-8: in Excel choose \"CSV UTF-8\" when saving.");
        }
    }

    private static void readCsv(java.nio.CharBuffer text, char delimiter, Consumer<List<String>> rows) {
        int position = 0;
        int length = text.remaining();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int pushed = -1;
        while (true) {
            int c = pushed >= 0 ? pushed : position < length ? text.get(position++) : -1;
            pushed = -1;
            if (c < 0) {
                break;
            }
            if (field.length() > 10_000) {
                throw StatementRejectedException.of(
                        "Tệp có ô dài bất thường; đây không phải một sao kê.",
                        "The file has an abnormally long cell; it is not a statement.");
            }
            if (quoted) {
                if (c != '"') {
                    field.append((char) c);
                    continue;
                }
                int next = position < length ? text.get(position++) : -1;
                if (next == '"') {
                    field.append('"');
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
                    int next = position < length ? text.get(position++) : -1;
                    if (next != '\n') {
                        pushed = next;
                    }
                }
                row.add(field.toString());
                field.setLength(0);
                rows.accept(row);
                row = new ArrayList<>();
            } else {
                field.append((char) c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.accept(row);
        }
    }

    private static boolean looksBinary(byte[] content) {
        int n = Math.min(content.length, 4096);
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xFF;
            if (b == 0 || (b < 0x09) || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                return true;
            }
        }
        return false;
    }

    /** The separator used most on the busiest of the first lines (title rows above the header have few). */
    private static char detectDelimiter(byte[] content, int start) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        int best = 0;
        char chosen = ',';
        int lines = 0;
        for (int i = start; i < content.length && lines < HEADER_SEARCH_ROWS; i++) {
            byte b = content[i];
            if (b == ',') {
                commas++;
            } else if (b == ';') {
                semicolons++;
            } else if (b == '\t') {
                tabs++;
            } else if (b == '\n' || i == content.length - 1) {
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
}
