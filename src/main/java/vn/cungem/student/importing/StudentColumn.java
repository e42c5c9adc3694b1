package vn.cungem.student.importing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cungem.shared.text.VietnameseText;

/**
 * The columns of a school's list of students in need, in the template's order, with the headers schools really use.
 * Synonyms are compared folded and stripped to letters and digits, so “HỌ VÀ TÊN”, “Họ tên” and “Ho va ten” all match.
 */
public enum StudentColumn {
    FULL_NAME("Họ và tên", "Full name", true, "hovaten", "hoten", "hotenhocsinh", "tenhocsinh", "fullname", "name"),
    BIRTH_DATE("Ngày sinh", "Date of birth", true, "ngaysinh", "ngaythangnamsinh", "sinhngay", "dateofbirth", "dob"),
    GENDER("Giới tính", "Gender", true, "gioitinh", "phai", "gender", "sex"),
    PERSONAL_ID(
            "Số định danh cá nhân",
            "Personal ID number",
            false,
            "sodinhdanhcanhan",
            "sodinhdanh",
            "madinhdanh",
            "cccd",
            "socccd",
            "socancuoccongdan",
            "socancuoc",
            "personalid",
            "personalidnumber",
            "idnumber"),
    MOET_CODE("Mã học sinh", "MOET student code", false, "mahocsinh", "mahs", "studentcode", "moetcode"),
    SCHOOL_CODE("Mã trường", "School code", true, "matruong", "matruonghoc", "schoolcode"),
    GRADE("Khối", "Grade", true, "khoi", "khoilop", "grade"),
    CLASS_NAME("Lớp", "Class", false, "lop", "tenlop", "class", "classname"),
    HOME_COMMUNE(
            "Xã/phường cư trú",
            "Home commune/ward",
            false,
            "xaphuongcutru",
            "xaphuong",
            "phuongxa",
            "xaphuongthitran",
            "communeward",
            "commune",
            "ward"),
    ADDRESS("Địa chỉ", "Address", false, "diachi", "diachithuongtru", "noio", "address"),
    GUARDIAN_NAME(
            "Họ tên người giám hộ",
            "Guardian's name",
            false,
            "hotennguoigiamho",
            "nguoigiamho",
            "hotenphuhuynh",
            "phuhuynh",
            "hotenchame",
            "guardianname",
            "guardian",
            "parentname"),
    GUARDIAN_PHONE(
            "SĐT người giám hộ",
            "Guardian's phone",
            false,
            "sdtnguoigiamho",
            "sodienthoainguoigiamho",
            "sdtphuhuynh",
            "sodienthoaiphuhuynh",
            "dienthoaiphuhuynh",
            "sdtchame",
            "sodienthoaichame",
            "dienthoaichame",
            "sdtlienhe",
            "sodienthoailienhe",
            "dienthoailienhe",
            "sdt",
            "sodienthoai",
            "dienthoai",
            "dt",
            "guardianphone",
            "phone",
            "phonenumber"),
    CATEGORIES(
            "Diện ưu tiên",
            "Priority categories",
            false,
            "dienuutien",
            "doituong",
            "doituonguutien",
            "hoancanh",
            "priority",
            "categories",
            "prioritycategories"),
    DEVICE_SITUATION(
            "Tình trạng thiết bị",
            "Device situation",
            false,
            "tinhtrangthietbi",
            "thietbi",
            "thietbihoctap",
            "devicesituation",
            "device"),
    CONNECTIVITY(
            "Kết nối Internet", "Internet connection", false, "ketnoiinternet", "ketnoi", "internet", "connectivity"),
    NEEDS(
            "Cần (thiết bị/SIM/data/Wi-Fi)",
            "Needs (device/SIM/data/Wi-Fi)",
            false,
            "canthietbisimdatawifi",
            "can",
            "nhucau",
            "canhotro",
            "needs"),
    NOTES("Ghi chú", "Notes", false, "ghichu", "notes", "note", "remarks");

    private final String headerVi;
    private final String headerEn;
    private final boolean required;
    private final Set<String> synonyms;

    StudentColumn(String headerVi, String headerEn, boolean required, String... synonyms) {
        this.headerVi = headerVi;
        this.headerEn = headerEn;
        this.required = required;
        this.synonyms = Set.of(synonyms);
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

    private static final Map<String, StudentColumn> BY_KEY = new HashMap<>();

    static {
        for (StudentColumn column : values()) {
            for (String s : column.synonyms) {
                if (BY_KEY.put(s, column) != null) {
                    throw new IllegalStateException("Header synonym used twice: " + s);
                }
            }
            BY_KEY.putIfAbsent(key(column.headerVi), column);
            BY_KEY.putIfAbsent(key(column.headerEn), column);
        }
    }

    /** The column a header cell names, or null: “HỌ VÀ TÊN (*)” and “Họ tên học sinh” are both the full name. */
    public static StudentColumn ofHeader(String header) {
        return header == null ? null : BY_KEY.get(key(header));
    }

    static String key(String header) {
        // "Ngày sinh (dd/mm/yyyy)", "Họ và tên *": the bracketed hint and marks are not part of the name.
        String withoutHint = header.replaceAll("\\(.*?\\)", "");
        String key = VietnameseText.fold(withoutHint).replaceAll("[^a-z0-9]", "");
        return key.isEmpty() ? VietnameseText.fold(header).replaceAll("[^a-z0-9]", "") : key;
    }

    public static List<StudentColumn> inTemplateOrder() {
        return Arrays.asList(values());
    }
}
