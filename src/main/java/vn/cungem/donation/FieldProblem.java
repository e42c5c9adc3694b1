package vn.cungem.donation;

/** One thing wrong with a form or API body, tied to the field it concerns, in Vietnamese and English. */
public record FieldProblem(String field, String code, String messageVi, String messageEn) {

    public String message(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? messageEn : messageVi;
    }
}
