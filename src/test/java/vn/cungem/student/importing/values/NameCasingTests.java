package vn.cungem.student.importing.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.text.VietnameseText;

class NameCasingTests {

    @Test
    void everyCasingOfANameBecomesTheSameName() {
        String decomposed = Normalizer.normalize("Đỗ TuấN Huy", Normalizer.Form.NFD);
        assertThat(NameCasing.repair("ĐỖ TUẤN HUY")).isEqualTo(new NameCasing.Result("Đỗ Tuấn Huy", false));
        assertThat(NameCasing.repair("đỗ tuấn huy")).isEqualTo(new NameCasing.Result("Đỗ Tuấn Huy", false));
        assertThat(NameCasing.repair(decomposed)).isEqualTo(new NameCasing.Result("Đỗ Tuấn Huy", true));
        assertThat(NameCasing.repair("  Đỗ   Tuấn Huy ")).isEqualTo(new NameCasing.Result("Đỗ Tuấn Huy", false));
    }

    @Test
    void aNameTypedWellIsLeftAloneWithoutWarning() {
        assertThat(NameCasing.repair("Nguyễn Thị Ánh Tuyết"))
                .isEqualTo(new NameCasing.Result("Nguyễn Thị Ánh Tuyết", false));
        assertThat(NameCasing.repair("Học Sinh AB")).isEqualTo(new NameCasing.Result("Học Sinh AB", false));
        assertThat(NameCasing.repair("Nguyễn văn An")).isEqualTo(new NameCasing.Result("Nguyễn Văn An", true));
        assertThat(NameCasing.repair("H'Hen Niê")).isEqualTo(new NameCasing.Result("H'Hen Niê", false));
    }

    /**
     * Any casing of a name, composed or decomposed, comes back as the name in title case, except a word in capitals
     * inside a name otherwise in mixed case, which is kept as typed.
     */
    @Test
    void casingAndCompositionDoNotChangeTheRepairedName() {
        List<String> names = List.of(
                "Nguyễn Văn An",
                "Trần Thị Bích Ngọc",
                "Lê Hoàng Yến",
                "Phạm Quốc Việt",
                "Đặng Thùy Dương",
                "Huỳnh Ngọc Ẩn",
                "Võ Thị Ửng",
                "Thạch Thị Sô Phia",
                "Lâm Thị Ngọc Ý",
                "Y Đức Ê Ban");
        long seed = 1_206L;
        Random random = new Random(seed);
        for (int i = 0; i < 3_000; i++) {
            String name = names.get(random.nextInt(names.size()));
            StringBuilder typed = new StringBuilder();
            name.codePoints()
                    .forEach(cp -> typed.appendCodePoint(
                            random.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
            String input = random.nextBoolean() ? Normalizer.normalize(typed, Normalizer.Form.NFD) : typed.toString();
            NameCasing.Result r = NameCasing.repair(input);
            String composed = VietnameseText.tidy(Normalizer.normalize(input, Normalizer.Form.NFC));
            boolean mixed = !composed.equals(composed.toUpperCase(VietnameseText.VIETNAMESE))
                    && !composed.equals(composed.toLowerCase(VietnameseText.VIETNAMESE));
            String[] typedWords = composed.split(" ");
            String[] nameWords = name.split(" ");
            for (int w = 0; w < nameWords.length; w++) {
                boolean capitals = typedWords[w].equals(typedWords[w].toUpperCase(VietnameseText.VIETNAMESE));
                // a word in capitals inside a mixed name is kept as typed (initials)
                nameWords[w] = mixed && capitals ? typedWords[w] : nameWords[w];
            }
            name = String.join(" ", nameWords);
            assertThat(r.name()).as("seed %d, typed %s", seed, input).isEqualTo(name);
            assertThat(r.changedFromMixed())
                    .as("seed %d, typed %s", seed, input)
                    .isEqualTo(mixed && !composed.equals(name));
        }
    }
}
