package vn.cungem.student;

import java.util.Locale;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;

/**
 * The registry's messages for people, from the student bundle ({@code i18n/student*.properties}). An error carries
 * both languages; its text is the bundle's {@code student.error.<code>} for the error code {@code student.<code>}.
 */
final class StudentTexts {

    /** A message of the bundles in one language ({@code MessageSource}, kept out of the plain-Java use cases). */
    @FunctionalInterface
    interface Source {
        String get(String key, Locale locale, Object... args);
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Source source;

    StudentTexts(Source source) {
        this.source = source;
    }

    String vi(String key, Object... args) {
        return source.get(key, VIETNAMESE, args);
    }

    String en(String key, Object... args) {
        return source.get(key, Locale.ENGLISH, args);
    }

    InvalidValueException invalid(String code, Object... args) {
        String key = key(code);
        return new InvalidValueException(code, vi(key, args), en(key, args));
    }

    ConflictException conflict(String code, Object... args) {
        String key = key(code);
        return new ConflictException(code, vi(key, args), en(key, args));
    }

    FieldProblem problem(String field, String code, Object... args) {
        String key = key(code);
        return FieldProblem.error(field, vi(key, args), en(key, args));
    }

    /** The record moved between reading it and writing it (a version or a status that no longer matches). */
    ConflictException changedMeanwhile() {
        return conflict("student.changed");
    }

    private static String key(String code) {
        return "student.error." + code.substring("student.".length());
    }
}
