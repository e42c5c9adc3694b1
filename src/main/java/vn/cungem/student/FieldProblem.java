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

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public String message(Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageVi;
    }
}
