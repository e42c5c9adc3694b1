package vn.cungem.shared;

import vn.cungem.shared.text.Bundles;

/** The change cannot be made in the record's current state (already retired, edited by someone else meanwhile …). */
public class ConflictException extends InvalidValueException {

    public ConflictException(String code, String messageVi, String messageEn) {
        super(code, messageVi, messageEn);
    }

    /** The conflict {@code code} worded by the bundles' {@code key} in both languages. */
    public static ConflictException of(String code, String key, Object... args) {
        return new ConflictException(code, Bundles.vi(key, args), Bundles.en(key, args));
    }
}
