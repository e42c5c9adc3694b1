package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
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
    void sortKeysCompareWordByWord() {
        // A word that ends sorts before a longer word, whatever follows: the dictionary's order, and a name list's.
        assertThat(VietnameseText.sortKey("Lê An Y")).isLessThan(VietnameseText.sortKey("Lê Anh"));
        assertThat(VietnameseText.sortKey("An Bình")).isLessThan(VietnameseText.sortKey("Anh"));
        assertThat(VietnameseText.sortKey("Nguyễn-Văn")).isEqualTo(VietnameseText.sortKey("nguyễn văn"));
        assertThat(VietnameseText.sortKey("Lớp 9")).isLessThan(VietnameseText.sortKey("Lớp A"));
        assertThat(VietnameseText.sortKey("Trường Ü")).isLessThan(VietnameseText.sortKey("Trường Ư"));
    }

    @Test
    void sortKeysAreTheBytesAlreadyStored() {
        // Keys are stored (V50, recomputed by V151). Were this to change, every stored key would have to be recomputed
        // by a new migration: change the expectation only together with one.
        assertThat(VietnameseText.sortKey("Đặng Thị Ánh")).isEqualTo("2621312a02392b2c0220312b0100050000000005040000");
        assertThat(VietnameseText.sortKey("Trường THCS 6A"))
                .isEqualTo("39373b34312a02392b2438021620010000000100000000000000");
        assertThat(VietnameseText.sortKey("")).isEqualTo("01");
    }

    @Test
    void collationInJavaIsTheOrderOfTheKeys() {
        List<String> names = new ArrayList<>(List.of("Lê Anh", "Lê An Y", "Ánh", "Anh", "Ăn", "đạt", "Dũng"));
        names.sort(VietnameseText.collation());
        assertThat(names).containsExactly("Anh", "Ánh", "Ăn", "Dũng", "đạt", "Lê An Y", "Lê Anh");
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(VietnameseText.likeContains("100%_a\\b")).isEqualTo("%100\\%\\_a\\\\b%");
    }

    @Test
    void sortKeysOrderLettersWithBreveCircumflexAndStrokeAsTheirOwnLetters() {
        List<String> names = new ArrayList<>(List.of("Bình", "Đạt", "Ân", "Dũng", "An", "Ăn"));
        names.sort(Comparator.comparing(VietnameseText::sortKey));
        assertThat(names).containsExactly("An", "Ăn", "Ân", "Bình", "Dũng", "Đạt");
    }

    @Test
    void sortKeysTreatTonesAsSecondaryAndIgnoreCase() {
        // Tones only break ties between otherwise equal letters: Anh < Ánh < Ăn, not Anh < Ăn < Ánh.
        assertThat(VietnameseText.sortKey("Anh")).isLessThan(VietnameseText.sortKey("Ánh"));
        assertThat(VietnameseText.sortKey("Ánh")).isLessThan(VietnameseText.sortKey("Ăn"));
        assertThat(VietnameseText.sortKey("Ánh")).isLessThan(VietnameseText.sortKey("Anhb"));
        assertThat(VietnameseText.sortKey("ANH")).isEqualTo(VietnameseText.sortKey("anh"));
        assertThat(VietnameseText.sortKey("Dũng")).isLessThan(VietnameseText.sortKey("Đạt"));
    }

    @Test
    void sortKeysAreLowerCaseHexIndependentOfNormalisationAndBounded() {
        String nfc = "Trường Tiểu học Nguyễn Thị Định";
        assertThat(VietnameseText.sortKey(Normalizer.normalize(nfc, Normalizer.Form.NFD)))
                .isEqualTo(VietnameseText.sortKey(nfc))
                .matches("[0-9a-f]+");
        assertThat(VietnameseText.sortKey("Ư".repeat(200))).hasSize(VietnameseText.SORT_KEY_MAX_LENGTH);
        assertThat(VietnameseText.sortKey(null)).isNull();
    }

    @Test
    void sortingBySortKeyEqualsSortingByTheCollator() {
        Random random = new Random(1975);
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
        String[] middle = {"Văn", "Thị", "Hữu", "Đức", "Ngọc", "Thanh", "Minh", "Quốc", "Xuân", "Ân"};
        String[] given = {
            "An", "Ăn", "Ân", "Anh", "Ánh", "Ảnh", "Bình", "Cường", "Dũng", "Đạt", "Em", "Ê", "Giang", "Hà", "Hạ",
            "Khoa", "Lan", "Lân", "Mai", "Nam", "Oanh", "Ơn", "Ôn", "Phúc", "Quân", "Sơn", "Tú", "Tư", "Từ", "Uyên",
            "Ưng", "Vy", "Xuân", "Yến", "Ý", "Y"
        };
        // The JDK's Vietnamese collator is an independent oracle here: on names like these (no word that is a prefix
        // of another word in the same place) its order and ours agree. Ours is spelled out so stored keys never
        // depend on the JDK's bytes.
        java.text.Collator jdk = java.text.Collator.getInstance(VietnameseText.VIETNAMESE);
        jdk.setStrength(java.text.Collator.SECONDARY);
        Comparator<String> collation = jdk::compare;
        for (int round = 0; round < 20; round++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String name = family[random.nextInt(family.length)] + " "
                        + (random.nextBoolean() ? middle[random.nextInt(middle.length)] + " " : "")
                        + given[random.nextInt(given.length)];
                names.add(random.nextInt(5) == 0 ? name.toUpperCase(VietnameseText.VIETNAMESE) : name);
            }
            List<String> byCollator = new ArrayList<>(names);
            byCollator.sort(collation);
            List<String> byKey = new ArrayList<>(names);
            byKey.sort(Comparator.comparing(VietnameseText::sortKey));
            for (int i = 0; i < names.size(); i++) {
                // Names equal under the collator (case only) may come in either order; their keys must be equal.
                assertThat(collation.compare(byKey.get(i), byCollator.get(i)))
                        .as("position %d: %s vs %s", i, byKey.get(i), byCollator.get(i))
                        .isZero();
            }
            for (int i = 0; i < 50; i++) {
                String a = names.get(random.nextInt(names.size()));
                String b = names.get(random.nextInt(names.size()));
                assertThat(Integer.signum(VietnameseText.sortKey(a).compareTo(VietnameseText.sortKey(b))))
                        .isEqualTo(Integer.signum(collation.compare(a, b)));
            }
        }
    }
}
