package vn.cungem.student.importing;

import java.util.Arrays;
import java.util.List;
import vn.cungem.shared.text.Bundles;

/**
 * The columns of a school's list of students in need, in the template's order. How a school's own header names them
 * ("HỌ TÊN HS", "Ngày tháng năm sinh", "SĐT phụ huynh") is {@link StudentHeaders}' business.
 */
public enum StudentColumn {
    FULL_NAME(true),
    BIRTH_DATE(true),
    GENDER(true),
    PERSONAL_ID(false),
    MOET_CODE(false),
    SCHOOL_CODE(true),
    GRADE(true),
    CLASS_NAME(false),
    HOME_COMMUNE(false),
    ADDRESS(false),
    GUARDIAN_NAME(false),
    GUARDIAN_PHONE(false),
    CATEGORIES(false),
    DEVICE_SITUATION(false),
    CONNECTIVITY(false),
    NEEDS(false),
    NOTES(false);

    private final boolean required;

    StudentColumn(boolean required) {
        this.required = required;
    }

    /** The template's header of the column (studentImport.column.* in the bundles). */
    public String headerVi() {
        return Bundles.vi("studentImport.column." + name());
    }

    public String headerEn() {
        return Bundles.en("studentImport.column." + name());
    }

    /** Whether the template marks the column required (*); the school column may still be left to the officer's. */
    public boolean required() {
        return required;
    }

    /** The column a header cell names with confidence, or null: “HỌ VÀ TÊN (*)” and “Họ tên HS” are the full name. */
    public static StudentColumn ofHeader(String header) {
        return StudentHeaders.VOCABULARY
                .recognise(header)
                .map(vn.cungem.shared.spreadsheet.HeaderVocabulary.Column::field)
                .orElse(null);
    }

    public static List<StudentColumn> inTemplateOrder() {
        return Arrays.asList(values());
    }
}
