package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class MaskedNameTests {

    @Test
    void keepsTheFamilyNameAndInitialsOfTheRest() {
        assertThat(MaskedName.of("Nguyễn Văn An")).isEqualTo("Nguyễn V. A.");
        assertThat(MaskedName.of("Trần Thị Ánh Tuyết")).isEqualTo("Trần T. Á. T.");
        assertThat(MaskedName.of("  Đặng   ưng  ")).isEqualTo("Đặng Ư.");
        assertThat(MaskedName.of("Ly")).isEqualTo("L.");
        assertThat(MaskedName.of("")).isEmpty();
        assertThat(MaskedName.of(null)).isEmpty();
    }

    @Test
    void masksDecomposedTextToTheSameComposedInitials() {
        String nfd = Normalizer.normalize("Lê Ánh Dương", Normalizer.Form.NFD);
        assertThat(MaskedName.of(nfd)).isEqualTo("Lê Á. D.");
    }
}
