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
        Collator collator = secondaryCollator();
        return (a, b) -> collator.compare(tidy(a), tidy(b));
    }

    /** Longest key stored in the {@code *_sort} columns ({@code varchar(600)}, V50). */
    public static final int SORT_KEY_MAX_LENGTH = 600;

    private static final Collator SORT_COLLATOR = secondaryCollator();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * A key whose plain character order is Vietnamese dictionary order, for SQL {@code order by}: the collation key of
     * {@link #collation()} as lower-case hex. Only {@code [0-9a-f]}, so PostgreSQL (C, C.UTF-8 or en_US.UTF-8) and H2
     * sort it the same way, and a B-tree index can serve the order. Keys longer than {@link #SORT_KEY_MAX_LENGTH} are
     * cut; cutting keeps the order (a cut key never sorts after the key it was cut from), so very long names that
     * share their first ~60 letters tie and the list falls back to its id tie-breaker. Null stays null.
     */
    public static String sortKey(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = SORT_COLLATOR.getCollationKey(tidy(text)).toByteArray();
        int length = Math.min(bytes.length * 2, SORT_KEY_MAX_LENGTH);
        char[] hex = new char[length];
        for (int i = 0; i < length; i++) {
            int b = bytes[i / 2] & 0xff;
            hex[i] = HEX[i % 2 == 0 ? b >>> 4 : b & 0x0f];
        }
        return new String(hex);
    }

    private static Collator secondaryCollator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    }

    /** Escapes LIKE wildcards so a search for {@code 100%} matches literally. */
    public static String likeContains(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
