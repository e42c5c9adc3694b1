package vn.cungem.student.importing;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a school's list of students in need, in the template's order. How a school's own header names them
 * ("HỌ TÊN HS", "Ngày tháng năm sinh", "SĐT phụ huynh") is {@link StudentHeaders}' business.
 */
public enum StudentColumn {
    FULL_NAME("Họ và tên", "Full name", true),
    BIRTH_DATE("Ngày sinh", "Date of birth", true),
    GENDER("Giới tính", "Gender", true),
    PERSONAL_ID("Số định danh cá nhân", "Personal ID number", false),
    MOET_CODE("Mã học sinh", "MOET student code", false),
    SCHOOL_CODE("Mã trường", "School code", true),
    GRADE("Khối", "Grade", true),
    CLASS_NAME("Lớp", "Class", false),
    HOME_COMMUNE("Xã/phường cư trú", "Home commune/ward", false),
    ADDRESS("Địa chỉ", "Address", false),
    GUARDIAN_NAME("Họ tên người giám hộ", "Guardian's name", false),
    GUARDIAN_PHONE("SĐT người giám hộ", "Guardian's phone", false),
    CATEGORIES("Diện ưu tiên", "Priority categories", false),
    DEVICE_SITUATION("Tình trạng thiết bị", "Device situation", false),
    CONNECTIVITY("Kết nối Internet", "Internet connection", false),
    NEEDS("Cần (thiết bị/SIM/data/Wi-Fi)", "Needs (device/SIM/data/Wi-Fi)", false),
    NOTES("Ghi chú", "Notes", false);

    private final String headerVi;
    private final String headerEn;
    private final boolean required;

    StudentColumn(String headerVi, String headerEn, boolean required) {
        this.headerVi = headerVi;
        this.headerEn = headerEn;
        this.required = required;
    }

    public String headerVi() {
        return headerVi;
    }

    public String headerEn() {
        return headerEn;
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
