package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.text.VietnameseText;

class LabelsTests {

    private static String foldByRegex(String raw) {
        return VietnameseText.fold(raw)
                .replaceAll("[_\\-/.,;:()]+", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    @Test
    void foldsAsTheRegexVersionDid() {
        String[] pieces = {
            "Không",
            " có",
            "/",
            " chưa có",
            "_",
            "-",
            ".",
            ",",
            ";",
            ":",
            "(",
            ")",
            "  ",
            "\t",
            "\n",
            "\u0001",
            "4G",
            "Wi-Fi",
            "DÙNG CHUNG",
            "a",
            "",
        };
        Random random = new Random(11L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder raw = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(Labels.fold(raw.toString())).as("fold of [%s]", raw).isEqualTo(foldByRegex(raw.toString()));
        }
    }

    @Test
    void readsCodesAndLabelsInAnyCaseAndSpelling() {
        assertThat(Connectivity.parse("khong co")).isPresent();
        assertThat(DeviceSituation.parse("DÙNG CHUNG")).contains(DeviceSituation.SHARED);
        assertThat(Gender.parse("nữ")).contains(Gender.FEMALE);
        assertThat(Gender.parse("không rõ")).isEmpty();
    }
}
