package vn.cungem.shared.spreadsheet;

import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;

/**
 * An uploaded spreadsheet refused before it is read: it would take more memory than any real list (a zip bomb, a
 * shared-strings table of hundreds of megabytes, a cell of megabytes), or it is not a workbook at all. Each reader turns
 * it into its own "file rejected" error with the same message.
 */
public class SpreadsheetRefusedException extends InvalidValueException {

    public SpreadsheetRefusedException(String messageVi, String messageEn) {
        super("spreadsheet.refused", messageVi, messageEn);
    }

    /** The refusal worded by the bundles' {@code key} in both languages. */
    public static SpreadsheetRefusedException worded(String key, Object... args) {
        return new SpreadsheetRefusedException(Bundles.vi(key, args), Bundles.en(key, args));
    }
}
