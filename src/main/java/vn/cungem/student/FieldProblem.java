package vn.cungem.student;

import java.util.Locale;

/**
 * One thing wrong with a student's form or spreadsheet row, tied to the field it concerns. An ERROR stops the student
 * from being saved; a WARNING is shown but lets it through (a birth year that disagrees with the personal id).
 */
public record FieldProblem(String field, String messageVi, String messageEn, Severity severity) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static FieldProblem error(String field, String messageVi, String messageEn) {
        return new FieldProblem(field, messageVi, messageEn, Severity.ERROR);
    }

    public static FieldProblem warning(String field, String messageVi, String messageEn) {
        return new FieldProblem(field, messageVi, messageEn, Severity.WARNING);
    }

    /**
     * An error worded by the student bundle's {@code key}; an argument that is a {@link
     * vn.cungem.shared.text.Labelled.Label} is read in each message's language. Numbers are best passed as text: the
     * bundles would group them (2.012 in Vietnamese, 2,012 in English).
     */
    public static FieldProblem errorOf(String field, String key, Object... args) {
        return error(field, StudentTexts.vi(key, args), StudentTexts.en(key, args));
    }

    /** A warning worded by the student bundle's {@code key}, as {@link #errorOf}. */
    public static FieldProblem warningOf(String field, String key, Object... args) {
        return warning(field, StudentTexts.vi(key, args), StudentTexts.en(key, args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageVi;
    }
}
