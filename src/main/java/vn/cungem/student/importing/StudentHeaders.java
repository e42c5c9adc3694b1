package vn.cungem.student.importing;

import static vn.cungem.student.importing.StudentColumn.ADDRESS;
import static vn.cungem.student.importing.StudentColumn.BIRTH_DATE;
import static vn.cungem.student.importing.StudentColumn.CATEGORIES;
import static vn.cungem.student.importing.StudentColumn.CLASS_NAME;
import static vn.cungem.student.importing.StudentColumn.CONNECTIVITY;
import static vn.cungem.student.importing.StudentColumn.DEVICE_SITUATION;
import static vn.cungem.student.importing.StudentColumn.FULL_NAME;
import static vn.cungem.student.importing.StudentColumn.GENDER;
import static vn.cungem.student.importing.StudentColumn.GRADE;
import static vn.cungem.student.importing.StudentColumn.GUARDIAN_NAME;
import static vn.cungem.student.importing.StudentColumn.GUARDIAN_PHONE;
import static vn.cungem.student.importing.StudentColumn.HOME_COMMUNE;
import static vn.cungem.student.importing.StudentColumn.MOET_CODE;
import static vn.cungem.student.importing.StudentColumn.NEEDS;
import static vn.cungem.student.importing.StudentColumn.NOTES;
import static vn.cungem.student.importing.StudentColumn.PERSONAL_ID;
import static vn.cungem.student.importing.StudentColumn.SCHOOL_CODE;

import java.util.List;
import java.util.Optional;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Header;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;

/**
 * How schools name the columns of their lists, as {@link HeaderVocabulary} phrases: the template's own headers, the
 * Ministry's forms, and what schools type ("HỌ TÊN HS", "Ngày tháng năm sinh", "SĐT phụ huynh", "Hoàn cảnh gia đình",
 * "Thiết bị hiện có", "Nhu cầu hỗ trợ"). Data: the words people write, not wording of ours. "Phụ huynh" is not a
 * neutral word: "Họ tên phụ huynh" is the guardian, not the child.
 */
final class StudentHeaders {

    static final HeaderVocabulary<StudentColumn> VOCABULARY = phrases(HeaderVocabulary.of(StudentColumn.class))
            .required(FULL_NAME, BIRTH_DATE)
            .build();

    /**
     * The same words without required fields: finds the header of a list whose birth-date column is named in a way
     * nobody foresaw, so the person is asked instead of the file being refused.
     */
    private static final HeaderVocabulary<StudentColumn> ANY_FIELDS =
            phrases(HeaderVocabulary.of(StudentColumn.class)).build();

    /** A row naming fewer fields than this is not taken for a header, even to ask about it. */
    static final int LEAST_FIELDS = 3;

    private StudentHeaders() {}

    private static HeaderVocabulary.Builder<StudentColumn> phrases(HeaderVocabulary.Builder<StudentColumn> b) {
        return b.field(
                        FULL_NAME,
                        "họ và tên",
                        "họ tên",
                        "tên",
                        "họ và tên học sinh",
                        "full name",
                        "student name",
                        "name")
                .field(
                        BIRTH_DATE,
                        "ngày sinh",
                        "ngày tháng năm sinh",
                        "sinh ngày",
                        "năm sinh",
                        "date of birth",
                        "birth date",
                        "dob")
                .field(GENDER, "giới tính", "phái", "nam nữ", "gender", "sex")
                .field(
                        PERSONAL_ID,
                        "số định danh cá nhân",
                        "số định danh",
                        "mã định danh",
                        "mã định danh cá nhân",
                        "cccd",
                        "số cccd",
                        "căn cước",
                        "số căn cước",
                        "cmnd",
                        "personal id",
                        "personal id number",
                        "id number")
                .field(MOET_CODE, "mã học sinh", "mã số học sinh", "student code", "moet code", "moet student code")
                .field(SCHOOL_CODE, "mã trường", "mã trường học", "mã số trường", "school code")
                .field(GRADE, "khối", "khối lớp", "grade")
                .field(CLASS_NAME, "lớp", "tên lớp", "lớp học", "class", "class name")
                .field(
                        HOME_COMMUNE,
                        "xã phường cư trú",
                        "xã phường",
                        "phường xã",
                        "xã phường thị trấn",
                        "xã",
                        "phường",
                        "commune ward",
                        "home commune ward",
                        "commune",
                        "ward")
                .field(
                        ADDRESS,
                        "địa chỉ",
                        "địa chỉ thường trú",
                        "địa chỉ cư trú",
                        "địa chỉ liên hệ",
                        "thường trú",
                        "nơi ở",
                        "nơi ở hiện nay",
                        "chỗ ở hiện nay",
                        "address")
                .field(
                        GUARDIAN_NAME,
                        "họ tên người giám hộ",
                        "người giám hộ",
                        "họ tên phụ huynh",
                        "tên phụ huynh",
                        "phụ huynh",
                        "họ tên cha mẹ",
                        "cha mẹ",
                        "guardian s name",
                        "guardian name",
                        "guardian",
                        "parent name")
                .field(
                        GUARDIAN_PHONE,
                        "số điện thoại người giám hộ",
                        "sđt người giám hộ",
                        "số điện thoại phụ huynh",
                        "điện thoại phụ huynh",
                        "sđt phụ huynh",
                        "số điện thoại cha mẹ",
                        "sđt cha mẹ",
                        "số điện thoại liên hệ",
                        "điện thoại liên hệ",
                        "số điện thoại",
                        "điện thoại",
                        "guardian s phone",
                        "guardian phone",
                        "phone",
                        "phone number")
                .field(
                        CATEGORIES,
                        "diện ưu tiên",
                        "đối tượng",
                        "đối tượng ưu tiên",
                        "diện chính sách",
                        "hoàn cảnh",
                        "hoàn cảnh gia đình",
                        "hoàn cảnh khó khăn",
                        "priority",
                        "categories",
                        "priority categories")
                .field(
                        DEVICE_SITUATION,
                        "tình trạng thiết bị",
                        "thiết bị",
                        "thiết bị hiện có",
                        "thiết bị học tập",
                        "thiết bị đang dùng",
                        "thiết bị học tập hiện có",
                        "device situation",
                        "device")
                .field(
                        CONNECTIVITY,
                        "kết nối internet",
                        "kết nối",
                        "internet",
                        "mạng internet",
                        "wifi",
                        "internet connection",
                        "connectivity")
                .field(
                        NEEDS,
                        "cần",
                        "nhu cầu",
                        "nhu cầu hỗ trợ",
                        "cần hỗ trợ",
                        "đề nghị hỗ trợ",
                        "đề xuất hỗ trợ",
                        "thiết bị cần hỗ trợ",
                        "needs")
                .field(NOTES, "ghi chú", "notes", "note", "remarks")
                .neutral("học sinh", "bắt buộc", "required");
    }

    /**
     * The header of a sheet among its first rows: the best row naming the full name and the birth date, else the best
     * row naming at least {@link #LEAST_FIELDS} fields (the person confirms it); empty when no row looks like a header.
     */
    static Optional<Header<StudentColumn>> find(List<Row> rows) {
        Optional<Header<StudentColumn>> strict = VOCABULARY.find(rows);
        if (strict.isPresent()) {
            return strict;
        }
        return ANY_FIELDS.find(rows).filter(h -> h.fields().size() >= LEAST_FIELDS);
    }
}
