package vn.cungem.student.importing;

import vn.cungem.shared.InvalidValueException;

/** A file that cannot be imported at all (not a spreadsheet, protected, hostile, too big); nothing of it is written. */
public class ImportRejectedException extends InvalidValueException {

    public ImportRejectedException(String messageVi, String messageEn) {
        super("student-import.rejected", messageVi, messageEn);
    }
}
