package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTests {

    @ParameterizedTest
    @CsvSource({
        "Thủ Đức, thu duc",
        "Đ, d",
        "đường Lê Lợi, duong le loi",
        "NGUYỄN THỊ MINH KHAI, nguyen thi minh khai",
        "Phường Tăng Nhơn Phú A, phuong tang nhon phu a",
        "Hội LHPN, hoi lhpn"
    })
    void foldsToLowerCaseWithoutDiacritics(String text, String folded) {
        assertThat(VietnameseText.fold(text)).isEqualTo(folded);
    }

    @Test
    void foldsNullToEmptySoSearchesNeverSeeNull() {
        assertThat(VietnameseText.fold(null)).isEmpty();
        assertThat(VietnameseText.tidy(null)).isNull();
    }

    @Test
    void treatsDecomposedInputAsTheSameText() {
        String nfc = "Trường Tiểu học Linh Xuân, Thủ Đức";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(VietnameseText.tidy(nfd)).isEqualTo(nfc);
        assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold(nfc));
    }

    @Test
    void tidiesStraySpacesIncludingNoBreakSpaces() {
        assertThat(VietnameseText.tidy("  Nguyễn\u00A0 Văn\t\tAn \u200B ")).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void foldIsStableUnderRandomNormalisationAndSpacing() {
        Random random = new Random(2021);
        String[] words = {"Nguyễn", "Thị", "Ánh", "Đức", "Hiệp", "Bình", "Phước", "Thủ", "Thiêm", "Ỷ", "Lan"};
        for (int i = 0; i < 500; i++) {
            StringBuilder clean = new StringBuilder();
            StringBuilder messy = new StringBuilder("  ");
            for (int w = 0; w < 1 + random.nextInt(4); w++) {
                String word = words[random.nextInt(words.length)];
                clean.append(w == 0 ? "" : " ").append(word);
                String form = random.nextBoolean() ? Normalizer.normalize(word, Normalizer.Form.NFD) : word;
                messy.append(form).append(random.nextBoolean() ? "  " : "\u00A0");
            }
            assertThat(VietnameseText.tidy(messy.toString())).isEqualTo(clean.toString());
            assertThat(VietnameseText.fold(messy.toString()))
                    .isEqualTo(VietnameseText.fold(clean.toString()))
                    .matches("[a-z ]+");
        }
    }

    @Test
    void sortsInVietnameseDictionaryOrder() {
        List<String> names = new ArrayList<>(List.of("Đức", "Em", "Dũng", "Ăn", "Âu", "An", "Ba"));
        names.sort(VietnameseText.collation());
        assertThat(names).containsExactly("An", "Ăn", "Âu", "Ba", "Dũng", "Đức", "Em");
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(VietnameseText.likeContains("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
    }
}
