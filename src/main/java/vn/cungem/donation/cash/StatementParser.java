package vn.cungem.donation.cash;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.cungem.shared.Money;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.shared.spreadsheet.SpreadsheetGuard;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.shared.spreadsheet.SpreadsheetRefusedException;
import vn.cungem.shared.spreadsheet.TabularOptions;
import vn.cungem.shared.spreadsheet.TabularReader;

/**
 * Reads a bank statement as Vietnamese banks export it, CSV or XLSX: title rows (bank, account, period) above a header
 * row, then one row per transaction with date, reference (số bút toán), debit (ghi nợ) and credit (ghi có) or one
 * signed amount, balance (số dư) and description (nội dung), with balance and total rows around them that are skipped.
 * The header is recognised by meaning ({@link StatementColumns}); when it is unsure, a person confirms the columns once
 * per account ({@link StatementColumnsToConfirm}). Every problem is collected with its line number; the file is
 * rejected as a whole when there is any, so a statement is never half imported.
 */
public final class StatementParser {

    public static final int MAX_LINES = 200_000;
    /** What a read may hold, checked before reading (see {@link SpreadsheetGuard}). */
    static final SpreadsheetGuard.Limits LIMITS = SpreadsheetGuard.Limits.DEFAULT;

    static final long MAX_UNZIPPED_BYTES = LIMITS.maxUnzippedBytes();
    private static final int HEADER_SEARCH_ROWS = HeaderVocabulary.SEARCH_ROWS;
    /** No real statement has a cell this long; a file that has one is refused as not a statement. */
    private static final int MAX_CELL_CHARS = 10_000;
    /** A statement of a year is a few megabytes; the upload limit is 60 MB. */
    private static final long MAX_FILE_BYTES = 60L << 20;

    private static final TabularOptions OPTIONS = new TabularOptions(
            LIMITS,
            MAX_FILE_BYTES,
            MAX_LINES + HEADER_SEARCH_ROWS,
            () -> StatementRejectedException.ofKey("banks.too-many-lines", MAX_LINES),
            MAX_CELL_CHARS,
            false,
            // internet banking CSVs opened and saved again in Excel on a Vietnamese Windows
            true);

    private StatementParser() {}

    /** What a read found: the transactions, the bank and account the title block names, and the rows skipped. */
    record Parsed(List<StatementLine> lines, StatementBanks.Identity identity, List<Integer> skipped) {}

    /** The layouts people confirmed: the mapping kept for an account (blank when the file names none) and header. */
    @FunctionalInterface
    interface Remembered {
        Remembered NONE = (account, signature) -> Optional.empty();

        Optional<StatementMapping> find(String account, String signature);
    }

    /** The transaction lines of the file, in file order; throws {@link StatementRejectedException} on any problem. */
    public static List<StatementLine> parse(byte[] content) {
        return read(content, Remembered.NONE).lines();
    }

    /**
     * The file read with the layouts people confirmed; throws {@link StatementColumnsToConfirm} when the header is
     * unsure and this layout was never confirmed, {@link StatementRejectedException} on any other problem.
     */
    static Parsed read(byte[] content, Remembered remembered) {
        // One of a few reads at a time, each bounded before it starts: a file that would need more memory than a real
        // statement is refused without being read.
        try {
            StatementRows rows = new StatementRows(remembered);
            TabularReader.read(content, 0, OPTIONS, false, SpreadsheetParsing.REQUEST_WAIT, rows);
            return rows.finish();
        } catch (SpreadsheetRefusedException e) {
            throw StatementRejectedException.of(e.messageVi(), e.messageEn());
        }
    }

    /** Whole VND from {@code 1.250.000}, {@code 1,250,000}, {@code 1250000}, {@code 1,250,000.00}, {@code 500.000 đ}. */
    static Money amount(String text) {
        return StatementValues.amount(text);
    }

    /** dd/MM/yyyy, dd-MM-yyyy, ISO, with or without a time after it, or an Excel serial day number; null if none. */
    static LocalDate date(String text) {
        return StatementValues.date(text);
    }
}
