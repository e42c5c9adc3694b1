package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cungem.shared.spreadsheet.HeaderVocabulary.Row;

/** Headers as schools really type them, read by what their words mean. */
class StudentHeadersTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Họ và tên học sinh;FULL_NAME",
                "HỌ TÊN HS;FULL_NAME",
                "Tên học sinh;FULL_NAME",
                "HO VA TEN (*);FULL_NAME",
                "Ngày tháng năm sinh;BIRTH_DATE",
                "Ngày sinh (dd/mm/yyyy);BIRTH_DATE",
                "NS;BIRTH_DATE",
                "Giới tính;GENDER",
                "Nam/Nữ;GENDER",
                "Lớp;CLASS_NAME",
                "Khối lớp;GRADE",
                "SĐT phụ huynh;GUARDIAN_PHONE",
                "Số điện thoại liên hệ;GUARDIAN_PHONE",
                "Họ tên phụ huynh;GUARDIAN_NAME",
                "Họ tên cha/mẹ;GUARDIAN_NAME",
                "Hoàn cảnh gia đình;CATEGORIES",
                "Đối tượng ưu tiên;CATEGORIES",
                "Thiết bị hiện có;DEVICE_SITUATION",
                "Nhu cầu hỗ trợ;NEEDS",
                "Cần (thiết bị/SIM/data/Wi-Fi);NEEDS",
                "Địa chỉ thường trú;ADDRESS",
                "Xã/Phường;HOME_COMMUNE",
                "Số CCCD;PERSONAL_ID",
                "Mã định danh cá nhân;PERSONAL_ID",
                "Mã HS;MOET_CODE",
                "Mã trường;SCHOOL_CODE",
                "Kết nối Internet;CONNECTIVITY",
                "Ghi chú;NOTES"
            })
    void readsAHeaderByWhatItsWordsMean(String header, StudentColumn field) {
        assertThat(StudentHeaders.VOCABULARY.recognise(header)).get().satisfies(c -> {
            assertThat(c.field()).isEqualTo(field);
            assertThat(c.sure()).as("sure: " + header).isTrue();
        });
    }

    @Test
    void everyHeaderOfTheTemplateIsReadSurely() {
        for (StudentColumn c : StudentColumn.values()) {
            String header = c.headerVi() + (c.required() ? " (*)" : "");
            assertThat(StudentColumn.ofHeader(header)).as(header).isEqualTo(c);
            assertThat(StudentHeaders.VOCABULARY.recognise(header).orElseThrow().sure())
                    .as(header)
                    .isTrue();
        }
    }

    @Test
    void findsTheHeaderOfALowerSecondarySchoolsOwnListBelowItsTitleBlock() {
        List<Row> rows = rows(
                List.of("UBND THÀNH PHỐ THỦ ĐỨC", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                List.of("TRƯỜNG THCS LINH TRUNG", "", "", "Độc lập - Tự do - Hạnh phúc"),
                List.of(),
                List.of("DANH SÁCH HỌC SINH CÓ HOÀN CẢNH KHÓ KHĂN CẦN HỖ TRỢ THIẾT BỊ HỌC TẬP TRỰC TUYẾN"),
                List.of("Năm học 2026 - 2027"),
                List.of(),
                List.of(
                        "STT",
                        "Họ và tên học sinh",
                        "Ngày tháng năm sinh",
                        "Lớp",
                        "Địa chỉ thường trú",
                        "SĐT phụ huynh",
                        "Hoàn cảnh gia đình",
                        "Thiết bị hiện có",
                        "Nhu cầu hỗ trợ"),
                List.of("1", "Nguyễn Văn An", "03/04/2014", "6A6", "12 Linh Trung", "912345678", "Hộ nghèo"));

        SheetLayout layout = SheetLayout.of(StudentHeaders.find(rows).orElseThrow());

        assertThat(layout.firstRow()).isEqualTo(7);
        ColumnMapping mapping = layout.proposed();
        assertThat(mapping.fields())
                .containsEntry(1, StudentColumn.FULL_NAME)
                .containsEntry(2, StudentColumn.BIRTH_DATE)
                .containsEntry(3, StudentColumn.CLASS_NAME)
                .containsEntry(4, StudentColumn.ADDRESS)
                .containsEntry(5, StudentColumn.GUARDIAN_PHONE)
                .containsEntry(6, StudentColumn.CATEGORIES)
                .containsEntry(7, StudentColumn.DEVICE_SITUATION)
                .containsEntry(8, StudentColumn.NEEDS)
                .doesNotContainKey(0);
        // A school's officer needs no school column, and the class gives the grade: nothing to ask.
        assertThat(mapping.missing(true)).isEmpty();
        assertThat(layout.needsConfirming(true)).isFalse();
        // A district's manager must say which school each row is of.
        assertThat(mapping.missing(false)).containsExactly(StudentColumn.SCHOOL_CODE);
    }

    @Test
    void readsAHeaderOnTwoRowsWithMergedCells() {
        List<Row> rows = rows(
                List.of("DANH SÁCH HỌC SINH LỚP 9/3"),
                Arrays.asList("TT", "Họ và tên", "Ngày sinh", "Phụ huynh", null, "Hoàn cảnh"),
                Arrays.asList(null, null, null, "Họ tên", "Điện thoại", null),
                List.of("1", "Lê Thị Cúc", "12/12/2011", "Lê Văn Dũng", "0903123456", "Cận nghèo"));

        SheetLayout layout = SheetLayout.of(StudentHeaders.find(rows).orElseThrow());

        assertThat(layout.firstRow()).isEqualTo(2);
        assertThat(layout.lastRow()).isEqualTo(3);
        assertThat(layout.proposed().fields())
                .containsEntry(1, StudentColumn.FULL_NAME)
                .containsEntry(2, StudentColumn.BIRTH_DATE)
                .containsEntry(3, StudentColumn.GUARDIAN_NAME)
                .containsEntry(4, StudentColumn.GUARDIAN_PHONE)
                .containsEntry(5, StudentColumn.CATEGORIES);
    }

    @Test
    void aHeaderWithoutABirthDateIsStillFoundSoThePersonCanBeAsked() {
        List<Row> rows = rows(
                List.of("Họ và tên", "Sinh nhật", "Lớp", "SĐT"),
                List.of("Phạm Văn Em", "01/02/2015", "5A", "0987654321"));

        SheetLayout layout = SheetLayout.of(StudentHeaders.find(rows).orElseThrow());

        assertThat(layout.proposed().missing(true)).containsExactly(StudentColumn.BIRTH_DATE);
        assertThat(layout.needsConfirming(true)).isTrue();
    }

    @Test
    void aSheetOfNotesHasNoHeader() {
        assertThat(StudentHeaders.find(
                        rows(List.of("Danh sách lập ngày 01/09/2026"), List.of("Gửi phòng giáo dục trước ngày 15/9"))))
                .isEmpty();
    }

    @Test
    void theSameHeadersTypedDifferentlyHaveTheSameKey() {
        SheetLayout a = SheetLayout.of(StudentHeaders.find(rows(List.of("STT", "HỌ VÀ TÊN", "NGÀY SINH", "LỚP")))
                .orElseThrow());
        SheetLayout b = SheetLayout.of(StudentHeaders.find(rows(List.of("stt", "Họ và tên", "Ngày sinh", "Lớp")))
                .orElseThrow());
        SheetLayout c = SheetLayout.of(StudentHeaders.find(rows(List.of("STT", "Họ và tên", "Ngày sinh", "Khối")))
                .orElseThrow());
        assertThat(a.key()).isEqualTo(b.key()).isNotEqualTo(c.key());
    }

    static List<Row> rows(List<?>... rows) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            @SuppressWarnings("unchecked")
            List<String> cells = (List<String>) rows[i];
            out.add(new Row(i + 1, cells));
        }
        return out;
    }
}
