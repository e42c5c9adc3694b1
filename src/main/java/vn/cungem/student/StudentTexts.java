package vn.cungem.student;

import java.util.Arrays;
import java.util.function.Function;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.Labelled.Label;

/**
 * The registry's messages for people, from the student bundle ({@code i18n/student*.properties}) through {@link
 * Bundles}, so plain-Java rules word their problems without Spring. An error carries both languages; its text is the
 * bundle's {@code student.error.<code>} for the error code {@code student.<code>}. An argument that is a {@link Label}
 * (a status, a field's name) fills the Vietnamese message with its Vietnamese side and the English with its English.
 */
final class StudentTexts {

    private StudentTexts() {}

    static String vi(String key, Object... args) {
        return Bundles.vi(key, each(args, Label::vi));
    }

    static String en(String key, Object... args) {
        return Bundles.en(key, each(args, Label::en));
    }

    /** The two names a key gives, as one argument for {@link #vi}/{@link #en}. */
    static Label label(String key) {
        return new Label(Bundles.vi(key), Bundles.en(key));
    }

    static InvalidValueException invalid(String code, Object... args) {
        String key = key(code);
        return new InvalidValueException(code, vi(key, args), en(key, args));
    }

    static ConflictException conflict(String code, Object... args) {
        String key = key(code);
        return new ConflictException(code, vi(key, args), en(key, args));
    }

    /** The record moved between reading it and writing it (a version or a status that no longer matches). */
    static ConflictException changedMeanwhile() {
        return conflict("student.changed");
    }

    private static Object[] each(Object[] args, Function<Label, String> side) {
        return Arrays.stream(args)
                .map(a -> a instanceof Label label ? side.apply(label) : a)
                .toArray();
    }

    private static String key(String code) {
        return "student.error." + code.substring("student.".length());
    }
}
