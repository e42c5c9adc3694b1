package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.student.importing.NotStudentRows.Reason;
import vn.cungem.student.importing.StudentSheet.SourceRow;

/** A school's list as schools keep it: only the children become rows; everything else is skipped and said so. */
class StudentSheetTests {

    private final List<SourceRow> students = new ArrayList<>();
    private final List<StudentSheet.Skipped> skipped = new ArrayList<>();

    private void read(List<List<String>> rows) {
        StudentSheet sheet = new StudentSheet(students::add, skipped::add, SheetLayout::proposed, 0);
        for (int i = 0; i < rows.size(); i++) {
            sheet.row(i + 1, rows.get(i));
        }
        sheet.requireHeader();
    }

    @Test
    void skipsTotalsSignaturesHeadingsAndBlankRowsWithTheirReasons() {
        read(List.of(
                List.of("TRƯỜNG THCS LINH TRUNG"),
                List.of("DANH SÁCH HỌC SINH CẦN HỖ TRỢ"),
                List.of("STT", "Họ và tên học sinh", "Ngày sinh", "Lớp", "SĐT phụ huynh"),
                List.of("Lớp 6A1"),
                List.of("1", "Nguyễn Văn An", "03/04/2014", "6A1", "912345678"),
                List.of(),
                List.of("2", "Tống Thị Bình", "05/06/2014", "6A1", "0903111222"),
                List.of("STT", "Họ và tên học sinh", "Ngày sinh", "Lớp", "SĐT phụ huynh"),
                List.of("3", "Lê Văn Cường", "", "6A2", ""),
                List.of("4"),
                List.of("", "Tổng cộng: 185 học sinh"),
                List.of(),
                List.of("", "", "", "Thủ Đức, ngày 15 tháng 9 năm 2026"),
                List.of("", "Người lập biểu", "", "HIỆU TRƯỞNG"),
                List.of("", "(Ký, ghi rõ họ tên)", "", "(Ký tên, đóng dấu)"),
                List.of("", "Trần Thị Hoa", "", "Phạm Văn Hùng"),
                List.of(),
                List.of()));

        // The row with a name and no birth date is a student's row with a mistake, not a row to drop.
        assertThat(students).extracting(SourceRow::number).containsExactly(5, 7, 9);
        assertThat(students.get(1).get(StudentColumn.FULL_NAME)).isEqualTo("Tống Thị Bình");
        assertThat(skipped)
                .extracting(StudentSheet.Skipped::number, StudentSheet.Skipped::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, Reason.CLASS_HEADING),
                        org.assertj.core.groups.Tuple.tuple(6, Reason.BLANK),
                        org.assertj.core.groups.Tuple.tuple(8, Reason.REPEATED_HEADER),
                        org.assertj.core.groups.Tuple.tuple(10, Reason.NUMBER_ONLY),
                        org.assertj.core.groups.Tuple.tuple(11, Reason.TOTALS),
                        org.assertj.core.groups.Tuple.tuple(12, Reason.BLANK),
                        org.assertj.core.groups.Tuple.tuple(13, Reason.DATE_LINE),
                        org.assertj.core.groups.Tuple.tuple(14, Reason.SIGNATURE),
                        org.assertj.core.groups.Tuple.tuple(15, Reason.SIGNATURE),
                        org.assertj.core.groups.Tuple.tuple(16, Reason.FOOTER));
        assertThat(skipped.get(4).text()).isEqualTo("Tổng cộng: 185 học sinh");
    }

    @Test
    void aFileWithoutAHeaderIsRefusedInVietnameseFirst() {
        assertThatThrownBy(
                        () -> read(List.of(List.of("Nguyễn Văn An", "03/04/2014"), List.of("Lê Thị Bé", "1/1/2015"))))
                .isInstanceOf(ImportRejectedException.class)
                .satisfies(e -> {
                    ImportRejectedException r = (ImportRejectedException) e;
                    assertThat(r.messageVi()).startsWith("Không tìm thấy dòng tiêu đề trong 30 dòng đầu");
                    assertThat(r.messageEn()).startsWith("No header row in the first 30 rows");
                });
    }

    @Test
    void aHeaderFarBelowATitleBlockIsFound() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            rows.add(List.of("Ghi chú " + i));
        }
        rows.add(List.of("Họ tên HS", "Ngày tháng năm sinh", "Lớp"));
        rows.add(List.of("Đỗ Tuấn Huy", "2/9/2013", "7A"));
        read(rows);
        assertThat(students).extracting(SourceRow::number).containsExactly(26);
        assertThat(students.get(0).get(StudentColumn.GRADE)).isEmpty();
        assertThat(students.get(0).get(StudentColumn.CLASS_NAME)).isEqualTo("7A");
    }

    @Test
    void rowsOfALaterSheetAreNumberedPastTheEarlierSheets() {
        StudentSheet sheet =
                new StudentSheet(students::add, skipped::add, SheetLayout::proposed, 2 * StudentSheet.SHEET_STRIDE);
        sheet.row(1, List.of("Họ và tên", "Ngày sinh", "Lớp"));
        sheet.row(2, List.of("Vũ Thị Lan", "1/1/2012", "8B"));
        sheet.requireHeader();
        assertThat(students).extracting(SourceRow::number).containsExactly(2 * StudentSheet.SHEET_STRIDE + 2);
    }
}
