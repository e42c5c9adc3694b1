package vn.cungem.donation.cash;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.cungem.donation.cash.StatementColumns.Column;
import vn.cungem.donation.cash.StatementRejectedException.LineProblem;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.SpreadsheetRefusedException;
import vn.cungem.shared.spreadsheet.TabularOptions;
import vn.cungem.shared.spreadsheet.TabularReader;
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
    /** No real statement has a cell this long; a file that has one is refused as not a statement. */
    private static final int MAX_CELL_CHARS = 10_000;
    /** A statement of a year is a few megabytes; the upload limit is 60 MB. */
    private static final long MAX_FILE_BYTES = 60L << 20;

    private static final TabularOptions OPTIONS = new TabularOptions(
            LIMITS,
            MAX_FILE_BYTES,
            MAX_LINES + HEADER_SEARCH_ROWS,
            () -> StatementRejectedException.of(
                    "Tệp có quá " + MAX_LINES + " dòng; hãy tách theo tháng.",
                    "The file has more than " + MAX_LINES + " lines; split it by month."),
            MAX_CELL_CHARS,
            false,
            false);

    private static final Pattern SUMMARY_ROW =
            Pattern.compile("^(tong|total|cong|so du|opening|closing|balance|ending|beginning).*");

    private StatementParser() {}

    /** The transaction lines of the file, in file order; throws {@link StatementRejectedException} on any problem. */
    public static List<StatementLine> parse(byte[] content) {
        // One of a few reads at a time, each bounded before it starts: a file that would need more memory than a real
        // statement is refused without being read.
        try {
            Collector collector = new Collector();
            TabularReader.read(content, 0, OPTIONS, false, SpreadsheetParsing.REQUEST_WAIT, collector);
            return collector.finish();
        } catch (SpreadsheetRefusedException e) {
            throw StatementRejectedException.of(e.messageVi(), e.messageEn());
        }
    }

    /** Receives the file's rows one at a time, finds the header, then turns each row into a line or a problem. */
    static final class Collector implements TabularReader.RowSink {
        private final List<StatementLine> lines = new ArrayList<>();
        private final List<LineProblem> problems = new ArrayList<>();
        private Map<Column, Integer> columns;

        @Override
        public void row(int number, List<String> cells) {
            if (columns == null) {
                if (number <= HEADER_SEARCH_ROWS) {
                    columns = StatementColumns.header(cells);
                }
                return;
            }
            if (problems.size() >= MAX_PROBLEMS || TabularReader.blank(cells)) {
                return;
            }
            line(number, cells);
        }

        void line(int row, List<String> cells) {
            String date = cell(cells, Column.DATE);
            String description = VietnameseText.tidy(cell(cells, Column.DESCRIPTION));
            LocalDate bookedOn = date.isEmpty() ? null : StatementValues.date(date);
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
                return StatementValues.amount(text);
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

    /** Whole VND from {@code 1.250.000}, {@code 1,250,000}, {@code 1250000}, {@code 1,250,000.00}, {@code 500.000 đ}. */
    static long amount(String text) {
        return StatementValues.amount(text);
    }

    /** dd/MM/yyyy, dd-MM-yyyy, ISO, with or without a time after it, or an Excel serial day number; null if none. */
    static LocalDate date(String text) {
        return StatementValues.date(text);
    }
}
