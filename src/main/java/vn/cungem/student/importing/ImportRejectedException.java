package vn.cungem.student.importing;

import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;

/** A file that cannot be imported at all (not a spreadsheet, protected, hostile, too big); nothing of it is written. */
public class ImportRejectedException extends InvalidValueException {

    public ImportRejectedException(String messageVi, String messageEn) {
        super("student-import.rejected", messageVi, messageEn);
    }

    /** Worded by the bundles' {@code key}; numbers are passed as text, so a row count is never grouped. */
    static ImportRejectedException of(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
        }
        return new ImportRejectedException(Bundles.vi(key, texts), Bundles.en(key, texts));
    }
}
