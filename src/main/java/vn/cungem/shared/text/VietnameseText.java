package vn.cungem.shared.text;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/** Vietnamese text as people type it: NFC or NFD, stray spaces, upper case; folded for diacritic-insensitive search. */
public final class VietnameseText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u200B]+");

    private VietnameseText() {}

    /** NFC, trimmed, inner runs of whitespace (including no-break spaces) collapsed to one space; null stays null. */
    public static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").trim();
    }

    /**
     * Lower case without diacritics, so that {@code thu duc} finds {@code Thủ Đức}. {@code đ} has no combining mark in
     * Unicode, so it is folded by hand.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String tidy = tidy(text).replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(tidy, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Vietnamese dictionary order (a, ă, â, b, c, d, đ, e, ê …), not code-point order. */
    public static Comparator<String> collation() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.SECONDARY);
        return (a, b) -> collator.compare(tidy(a), tidy(b));
    }

    /** Escapes LIKE wildcards so a search for {@code 100%} matches literally. */
    public static String likeContains(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
