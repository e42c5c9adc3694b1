package vn.cungem.donation;

import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;

/** One thing wrong with a form or API body, tied to the field it concerns, in Vietnamese and English. */
public record FieldProblem(String field, String code, String messageVi, String messageEn) {

    /** The problem {@code code} on {@code field}, worded by the bundles' {@code key} with {@code args}. */
    public static FieldProblem of(String field, String code, String key, Object... args) {
        return new FieldProblem(field, code, Bundles.vi(key, args), Bundles.en(key, args));
    }

    /** A value object's own refusal (a phone number, say), tied to the field that held it. */
    public static FieldProblem of(String field, InvalidValueException e) {
        return new FieldProblem(field, e.code(), e.messageVi(), e.messageEn());
    }

    public String message(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageVi;
    }
}
