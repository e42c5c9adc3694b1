package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedRowTests {

    @Test
    void joinsFullSentencesWithoutDoublePunctuation() {
        assertThat(CheckedRow.sentences(List.of(
                        "Ngày sinh \"32/13/2012\" không đọc được.", "Số điện thoại không hợp lệ.", "Thiếu lớp")))
                .isEqualTo("Ngày sinh \"32/13/2012\" không đọc được; Số điện thoại không hợp lệ; Thiếu lớp");
        assertThat(CheckedRow.sentences(List.of("Chưa nhập khối lớp (1–12)."))).isEqualTo("Chưa nhập khối lớp (1–12).");
        assertThat(CheckedRow.sentences(List.of())).isEmpty();
    }
}
