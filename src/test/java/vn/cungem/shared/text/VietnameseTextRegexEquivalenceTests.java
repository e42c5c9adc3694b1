package vn.cungem.shared.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link VietnameseText#tidy} and {@link VietnameseText#fold} were written with two regexes; they now scan by hand for
 * speed. Every stored {@code name_folded} and fingerprint was made by the regex version, so the hand-written one must
 * give exactly the same strings: checked here against the regex version on random text made of Vietnamese letters in
 * NFC and NFD, every kind of whitespace, control characters and characters outside the BMP.
 */
class VietnameseTextRegexEquivalenceTests {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

    private static String tidyByRegex(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").trim();
    }

    private static String foldByRegex(String text) {
        String tidy = tidyByRegex(text).replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(tidy, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static final String[] PIECES = {
        "a",
        "Z",
        "0",
        "9",
        "-",
        ".",
        ",",
        "Nguyễn",
        "THỊ",
        "Đức",
        "đường",
        "ủng hộ",
        "Ư",
        "ơ",
        "ặ",
        "Ỹ",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u000B",
        "\f",
        "\u00A0",
        "\u200B",
        "\u0001",
        "\u001F",
        "\u007F",
        "\u0300",
        "\u0301",
        "\u0323",
        "\u0309",
        "\u0303",
        "\u20DD",
        "😀",
        "𝔸",
        "İ",
        "ß",
        "Σ",
        "漢",
        "ﬁ",
        "\u2003",
        "\u3000",
        "MBVCB.123 CE-7K2P",
        "Ỳ",
        "ǅ",
        "ẞ",
        "\u0085",
        "\u00AD",
        "Ȃ",
        "ɐ",
        "ʰ",
        "\u1EFF",
        "ἀ",
    };

    @Test
    void tidyAndFoldGiveWhatTheRegexVersionsGave() {
        Random random = new Random(20211122L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String raw = random.nextInt(4) == 0 ? Normalizer.normalize(text, Normalizer.Form.NFD) : text.toString();
            assertThat(VietnameseText.tidy(raw)).as("tidy of %s", raw).isEqualTo(tidyByRegex(raw));
            assertThat(VietnameseText.fold(raw)).as("fold of %s", raw).isEqualTo(foldByRegex(raw));
        }
    }

    /**
     * The one-pass fold ({@link LatinFold}) folds a letter by a table made from folding it alone: every character of
     * its ranges, alone and between letters, spaces and marks, folds as the regex version folds it.
     */
    @Test
    void everyLatinLetterFoldsAsTheRegexVersionFoldsIt() {
        String[] around = {"", "a", "Ư", " ", "\u00A0", "\u0301", "đ"};
        for (char c = 0; c < '\u1F10'; c++) {
            if (c == '\u0250') {
                c = '\u1DF0';
            }
            for (String before : around) {
                for (String after : around) {
                    String raw = before + c + after;
                    assertThat(VietnameseText.fold(raw))
                            .as("fold of U+%04X in %s", (int) c, raw)
                            .isEqualTo(foldByRegex(raw));
                    assertThat(VietnameseText.tidy(raw))
                            .as("tidy of U+%04X in %s", (int) c, raw)
                            .isEqualTo(tidyByRegex(raw));
                }
            }
        }
    }

    @Test
    void returnsTheSameStringWhenThereIsNothingToTidy() {
        String clean = "Trường Tiểu học Linh Xuân";
        assertThat(VietnameseText.tidy(clean)).isSameAs(clean);
    }
}
