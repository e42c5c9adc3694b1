package vn.cungem.shared;

import vn.cungem.shared.text.Bundles;

/**
 * Bad input, with a message a school officer understands in Vietnamese and in English. Web and API layers turn it into
 * a 400 page or problem response, never a stack trace.
 */
public class InvalidValueException extends RuntimeException {

    private final String code;
    private final String messageVi;
    private final String messageEn;

    public InvalidValueException(String code, String messageVi, String messageEn) {
        super(messageEn);
        this.code = code;
        this.messageVi = messageVi;
        this.messageEn = messageEn;
    }

    /**
     * The error {@code code} worded by the bundles' {@code key} in both languages, {@code args} filling its
     * placeholders.
     */
    public static InvalidValueException of(String code, String key, Object... args) {
        return new InvalidValueException(code, Bundles.vi(key, args), Bundles.en(key, args));
    }

    public String code() {
        return code;
    }

    public String messageVi() {
        return messageVi;
    }

    public String messageEn() {
        return messageEn;
    }

    public String message(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageVi;
    }
}
