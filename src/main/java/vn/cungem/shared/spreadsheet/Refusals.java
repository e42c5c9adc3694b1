package vn.cungem.shared.spreadsheet;

/** The refusals of {@link TabularReader} that {@link SpreadsheetGuard} does not already give, in both languages. */
final class Refusals {

    private Refusals() {}

    static SpreadsheetRefusedException empty() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.empty");
    }

    static SpreadsheetRefusedException tooBig(long maxBytes) {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.too-big", maxBytes >> 20);
    }

    static SpreadsheetRefusedException protectedOrOldExcel() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.protected-or-xls");
    }

    static SpreadsheetRefusedException unknownEncoding(boolean windows1258) {
        return SpreadsheetRefusedException.worded(
                windows1258 ? "spreadsheet.refused.encoding-unknown" : "spreadsheet.refused.not-utf8");
    }

    static SpreadsheetRefusedException unreadableCharacters() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.unreadable-characters");
    }

    static SpreadsheetRefusedException unreadableCsv() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.unreadable-csv");
    }

    static SpreadsheetRefusedException noSuchSheet() {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.no-such-sheet");
    }

    static SpreadsheetRefusedException cellTooLong(int maxChars) {
        return SpreadsheetRefusedException.worded("spreadsheet.refused.cell-too-long-chars", maxChars);
    }
}
