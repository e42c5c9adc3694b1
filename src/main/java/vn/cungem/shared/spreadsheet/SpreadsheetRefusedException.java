package vn.cungem.shared.spreadsheet;

import vn.cungem.shared.InvalidValueException;

/**
 * An uploaded spreadsheet refused before it is read: it would take more memory than any real list (a zip bomb, a
 * shared-strings table of hundreds of megabytes, a cell of megabytes), or it is not a workbook at all. Each reader turns
 * it into its own "file rejected" error with the same message.
 */
public class SpreadsheetRefusedException extends InvalidValueException {

    public SpreadsheetRefusedException(String messageVi, String messageEn) {
        super("spreadsheet.refused", messageVi, messageEn);
    }
}
