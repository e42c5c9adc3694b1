package vn.cungem.donation.cash;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.cungem.donation.cash.StatementColumns.Column;
import vn.cungem.donation.cash.StatementRejectedException.LineProblem;
import vn.cungem.shared.Money;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;
import vn.cungem.shared.spreadsheet.TabularReader;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.VietnameseText;

/**
 * Receives a statement's rows one at a time: keeps the first {@link HeaderVocabulary#SEARCH_ROWS} to find the header
 * (and the bank and account above it), then turns each row below into a transaction, a skipped row (balances, totals,
 * signatures) or a problem. When the header is unsure and no person confirmed this layout before, it gathers a few
 * sample rows and stops the read with the columns to confirm.
 */
final class StatementRows implements TabularReader.RowSink {

    private static final int MAX_PROBLEMS = 20;

    /**
     * Labels of the rows that sum or carry a statement, never transactions: "Số dư đầu kỳ", "Số dư cuối kỳ", "Tổng
     * phát sinh", "Cộng", "Opening balance", "Total". Data: the words banks print, folded.
     */
    private static final Pattern SUMMARY = Pattern.compile("^(so du|tong\\s*([:/(]|$|cong|so|phat sinh|tien|ghi)"
            + "|cong\\s*([:/(]|$|phat sinh|so tien|trang|luy ke)|total|opening|closing|ending|beginning|balance"
            + "|brought forward|carried forward|luy ke|doanh so|phat sinh trong ky)");

    private final StatementParser.Remembered remembered;
    private final List<Row> head = new ArrayList<>();
    private final List<StatementLine> lines = new ArrayList<>();
    private final List<LineProblem> problems = new ArrayList<>();
    private final List<Integer> skipped = new ArrayList<>();
    private StatementBanks.Identity identity = StatementBanks.Identity.UNKNOWN;
    private boolean resolved;
    private Map<Column, Integer> columns;
    private StatementColumnsToConfirm.Gathering confirming;

    /** The columns to ask about again when a remembered mapping reads none of the rows (it was confirmed wrong). */
    private StatementColumnsToConfirm.Gathering again;

    StatementRows(StatementParser.Remembered remembered) {
        this.remembered = remembered;
    }

    @Override
    public void row(int number, List<String> cells) {
        if (!resolved) {
            if (number <= HeaderVocabulary.SEARCH_ROWS) {
                head.add(new Row(number, cells));
                return;
            }
            resolve();
        }
        below(number, cells);
    }

    /** Decides the header from the rows kept, then reads the kept rows below it. */
    private void resolve() {
        resolved = true;
        Optional<HeaderVocabulary.Header<Column>> found = StatementColumns.find(above(head));
        if (found.isEmpty() || !StatementColumns.complete(found.get().fields())) {
            found = StatementColumns.find(head);
        }
        HeaderVocabulary.Header<Column> header = found.orElseGet(this::guessedHeader);
        if (header == null) {
            identity = StatementBanks.recognise(cellsOf(head, Integer.MAX_VALUE));
            return;
        }
        identity = StatementBanks.recognise(cellsOf(head, header.firstRow()));
        String signature = StatementColumns.signature(header.columns());
        Optional<StatementMapping> confirmed = remembered.find(identity.accountKey(), signature);
        if (confirmed.isPresent()) {
            columns = confirmed.get().fields();
            again = new StatementColumnsToConfirm.Gathering(identity, header.lastRow(), signature);
            for (HeaderVocabulary.Column<Column> c : header.columns()) {
                Column field = columns.entrySet().stream()
                        .filter(e -> e.getValue() == c.index())
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null);
                again.column(c.index(), c.header(), field, false);
            }
        } else if (found.isPresent()
                && !StatementColumns.unsure(header)
                && StatementColumns.complete(header.fields())) {
            columns = header.fields();
        } else {
            confirming = new StatementColumnsToConfirm.Gathering(identity, header.lastRow(), signature);
            for (HeaderVocabulary.Column<Column> c : header.columns()) {
                confirming.column(c.index(), c.header(), c.field(), c.sure());
            }
        }
        for (Row row : head) {
            if (row.number() > header.lastRow()) {
                below(row.number(), row.cells());
            }
        }
    }

    /**
     * The rows down to the first that reads as a transaction: the header is above it, and a statement's first rows are
     * mostly transactions, each a costly candidate. The whole head is searched when these rows hold no header.
     */
    private static List<Row> above(List<Row> rows) {
        for (int r = 1; r < rows.size(); r++) {
            if (looksLikeTransaction(rows.get(r).cells())) {
                return rows.subList(0, r);
            }
        }
        return rows;
    }

    /**
     * A layout with no header words known: the row right above the first that holds a date and an amount, all its
     * columns to be confirmed. Null when there is no such row.
     */
    private HeaderVocabulary.Header<Column> guessedHeader() {
        for (int r = 1; r < head.size(); r++) {
            if (looksLikeTransaction(head.get(r).cells())
                    && !TabularReader.blank(head.get(r - 1).cells())) {
                Row above = head.get(r - 1);
                List<HeaderVocabulary.Column<Column>> cols = new ArrayList<>();
                for (int c = 0; c < above.cells().size(); c++) {
                    String text = above.cells().get(c);
                    if (text != null && !text.isBlank()) {
                        cols.add(new HeaderVocabulary.Column<>(c, text.strip(), null, 0, false));
                    }
                }
                return new HeaderVocabulary.Header<>(above.number(), above.number(), cols, Map.of());
            }
        }
        return null;
    }

    private static boolean looksLikeTransaction(List<String> cells) {
        boolean date = false;
        boolean amount = false;
        for (String c : cells) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (!date && StatementValues.date(c) != null) {
                date = true;
            } else if (!amount && c.strip().length() < 20 && !quietAmount(c).isZero()) {
                amount = true;
            }
        }
        return date && amount;
    }

    private static List<List<String>> cellsOf(List<Row> rows, int before) {
        return rows.stream().filter(r -> r.number() < before).map(Row::cells).toList();
    }

    private void below(int number, List<String> cells) {
        if (TabularReader.blank(cells)) {
            return;
        }
        if (confirming != null) {
            if (!summary(cells) && confirming.sample(cells)) {
                throw confirming.done();
            }
            return;
        }
        if (columns == null || problems.size() >= MAX_PROBLEMS) {
            return;
        }
        if (again != null && again.rows() < StatementColumnsToConfirm.Gathering.SAMPLES && !summary(cells)) {
            again.sample(cells);
        }
        line(number, cells);
    }

    private void line(int row, List<String> cells) {
        String date = cell(cells, Column.DATE);
        LocalDate bookedOn = date.isEmpty() ? null : StatementValues.date(date);
        if (bookedOn == null) {
            // totals, balances carried, signatures and notes: a label, or no money moved
            if (summary(cells) || !hasMoney(cells)) {
                skipped.add(row);
            } else {
                problem(row, date.isEmpty() ? "banks.line.no-date" : "banks.line.bad-date", date);
            }
            return;
        }
        Money[] sides = sides(row, cells);
        if (sides == null) {
            return;
        }
        if (sides[0].isZero() && sides[1].isZero() && summary(cells)) {
            // an opening or closing balance dated like a transaction ("01/11/2026 | Số dư đầu kỳ | | | 12.000.000")
            skipped.add(row);
            return;
        }
        String balanceText = cell(cells, Column.BALANCE);
        Money balance = balanceText.isEmpty() ? null : amount(row, balanceText, "banks.amount.balance", false);
        if (!balanceText.isEmpty() && balance == null) {
            return;
        }
        if (sides[0].isPositive() && sides[1].isPositive()) {
            problem(row, "banks.line.both-sides");
            return;
        }
        if (sides[0].isZero() && sides[1].isZero()) {
            problem(row, "banks.line.no-amount");
            return;
        }
        String reference = VietnameseText.tidy(cell(cells, Column.REFERENCE));
        if (reference.length() > 100) {
            problem(row, "banks.line.long-reference");
            return;
        }
        String description = VietnameseText.tidy(cell(cells, Column.DESCRIPTION));
        if (description.length() > 1000) {
            description = description.substring(0, 1000);
        }
        lines.add(new StatementLine(
                row, bookedOn, reference.isEmpty() ? null : reference, sides[0], sides[1], balance, description));
    }

    /** {debit, credit}: from their own columns, or from one amount column by its sign or the side column. */
    private Money[] sides(int row, List<String> cells) {
        if (columns.containsKey(Column.DEBIT) || columns.containsKey(Column.CREDIT)) {
            Money debit = amount(row, cell(cells, Column.DEBIT), "banks.amount.debit", false);
            Money credit = amount(row, cell(cells, Column.CREDIT), "banks.amount.credit", false);
            return debit == null || credit == null ? null : new Money[] {debit, credit};
        }
        Money signed = amount(row, cell(cells, Column.AMOUNT), "banks.amount.signed", true);
        if (signed == null) {
            return null;
        }
        String side = cell(cells, Column.SIDE);
        if (side.isEmpty()) {
            return signed.isNegative() ? new Money[] {signed.abs(), Money.ZERO} : new Money[] {Money.ZERO, signed};
        }
        Boolean credit = credit(side);
        if (credit == null) {
            problem(row, "banks.line.bad-side", side);
            return null;
        }
        Money value = signed.abs();
        return credit ? new Money[] {Money.ZERO, value} : new Money[] {value, Money.ZERO};
    }

    /** True for a credit ("C", "CR", "Có", "+", "Credit"), false for a debit, null when the side is not said. */
    static Boolean credit(String side) {
        String s = VietnameseText.fold(side).replaceAll("[^a-z+-]", "");
        return switch (s) {
            case "c", "cr", "co", "ghico", "credit", "+", "in", "thu" -> Boolean.TRUE;
            case "d", "dr", "no", "ghino", "debit", "-", "out", "chi" -> Boolean.FALSE;
            default -> null;
        };
    }

    private boolean hasMoney(List<String> cells) {
        for (Column c : new Column[] {Column.DEBIT, Column.CREDIT, Column.AMOUNT}) {
            String text = cell(cells, c);
            if (!text.isEmpty() && !quietAmount(text).isZero()) {
                return true;
            }
        }
        return false;
    }

    private static Money quietAmount(String text) {
        try {
            return StatementValues.signed(text);
        } catch (IllegalArgumentException e) {
            return Money.ZERO;
        }
    }

    /** Whether a cell of the row is the label of a balance or total row. */
    private static boolean summary(List<String> cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank() && c.length() < 200) {
                String folded = VietnameseText.fold(c);
                if (SUMMARY.matcher(folded).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Money amount(int row, String text, String nameKey, boolean signed) {
        try {
            return signed ? StatementValues.signed(text) : StatementValues.amount(text);
        } catch (IllegalArgumentException e) {
            problems.add(new LineProblem(
                    row,
                    Bundles.vi("banks.line.bad-amount", Bundles.vi(nameKey), text),
                    Bundles.en("banks.line.bad-amount", Bundles.en(nameKey), text)));
            return null;
        }
    }

    private void problem(int row, String key, Object... args) {
        problems.add(LineProblem.of(row, key, args));
    }

    private String cell(List<String> cells, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.size()) {
            return "";
        }
        String value = cells.get(index);
        return value == null ? "" : value.strip();
    }

    /** The file read to its end: the transactions, or the columns to confirm, or the problems. */
    StatementParser.Parsed finish() {
        if (!resolved) {
            resolve();
        }
        if (confirming != null) {
            throw confirming.done();
        }
        if (columns == null) {
            throw StatementRejectedException.ofKey("banks.no-header", HeaderVocabulary.SEARCH_ROWS);
        }
        if (lines.isEmpty() && again != null) {
            // not one row read with the mapping kept for this layout: ask again rather than refuse every month
            throw again.done();
        }
        if (!problems.isEmpty()) {
            throw new StatementRejectedException(problems);
        }
        if (lines.isEmpty()) {
            throw StatementRejectedException.ofKey("banks.no-lines");
        }
        return new StatementParser.Parsed(lines, identity, skipped);
    }
}
