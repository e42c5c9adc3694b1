package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class NameShapeTests {

    @Test
    void acceptsVietnameseAndOtherPeoplesNames() {
        assertThat(NameShape.isPersonName("Nguyễn Thị Minh Khai")).isTrue();
        assertThat(NameShape.isPersonName("  Phạm   Minh Đức ")).isTrue();
        assertThat(NameShape.isPersonName(Normalizer.normalize("Trần Thị Bích", Normalizer.Form.NFD)))
                .isTrue();
        assertThat(NameShape.isPersonName("H'Hen Niê")).isTrue();
        assertThat(NameShape.isPersonName("Ksor Y-Bih")).isTrue();
        assertThat(NameShape.isPersonName("J. R. R. Tolkien")).isTrue();
        assertThat(NameShape.isPersonName("O’Brien")).isTrue();
        assertThat(NameShape.isPersonName("An")).isTrue();
    }

    @Test
    void refusesTextThatIsNotAName() {
        assertThat(NameShape.isPersonName("Chúc mừng bạn trúng thưởng 50 triệu, nhận tại https://x.vn"))
                .isFalse();
        assertThat(NameShape.isPersonName("An www.qua-tang.vn")).isFalse();
        assertThat(NameShape.isPersonName("lan@example.vn")).isFalse();
        assertThat(NameShape.isPersonName("Nguyễn Văn 0987654321")).isFalse();
        assertThat(NameShape.isPersonName("An: bấm vào đây")).isFalse();
        assertThat(NameShape.isPersonName("--")).isFalse();
        assertThat(NameShape.isPersonName("")).isFalse();
        assertThat(NameShape.isPersonName(null)).isFalse();
        assertThat(NameShape.isPersonName("A".repeat(NameShape.MAX_PERSON_NAME + 1)))
                .isFalse();
    }

    @Test
    void findsLinksAndAddressesInOtherwiseFreeText() {
        assertThat(NameShape.containsLink("Công ty TNHH Sao Mai 2024")).isFalse();
        assertThat(NameShape.containsLink("Cty CP Đầu tư & Phát triển A.B.C")).isFalse();
        assertThat(NameShape.containsLink("Nhận quà tại https://qua.example")).isTrue();
        assertThat(NameShape.containsLink("Nhận quà tại www.qua-tang")).isTrue();
        assertThat(NameShape.containsLink("Liên hệ lan@example.vn")).isTrue();
        assertThat(NameShape.containsLink("vào quatang.com nhé")).isTrue();
        assertThat(NameShape.containsLink("bit.ly/abc")).isTrue();
    }
}
