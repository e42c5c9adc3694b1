package vn.cungem.shared.text;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/** Vietnamese text as people type it: NFC or NFD, stray spaces, upper case; folded for diacritic-insensitive search. */
public final class VietnameseText {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private VietnameseText() {}

    /** NFC, trimmed, inner runs of whitespace (including no-break spaces) collapsed to one space; null stays null. */
    public static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String nfc = belowCombiningMarks(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        return collapseSpaces(nfc).trim();
    }

    /**
     * Every character below U+0300 (ASCII, Latin-1, Latin Extended-A and -B, IPA) is in NFC and never composes with its
     * neighbours, so such a text is its own NFC: most cells of an import (dates, numbers, codes, phones) skip the
     * normaliser's scan.
     */
    private static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /**
     * Each run of whitespace becomes one space, by hand rather than by regex: tidy and fold run on every cell of
     * imports of 100,000 rows, and most cells need no change, so {@code s} itself is returned then.
     */
    private static String collapseSpaces(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(s.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        boolean inRun = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    /** ASCII whitespace (space, tab, line breaks, form feed), the no-break space and the zero-width space. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u200B';
    }

    /**
     * Lower case without diacritics, so that {@code thu duc} finds {@code Thủ Đức}. {@code đ} has no combining mark in
     * Unicode, so it is folded by hand.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String fast = LatinFold.fold(text);
        return fast != null ? fast : foldByNormaliser(text);
    }

    /** {@link #fold} by the book: tidy, NFD, marks dropped; {@link LatinFold} must give exactly this. */
    static String foldByNormaliser(String text) {
        String tidy = tidy(text).replace('đ', 'd').replace('Đ', 'D');
        if (isAscii(tidy)) {
            return tidy.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(tidy, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (!isMark(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Unicode category M: the combining marks (tones, hooks, breves) that NFD splits off the letters. */
    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Vietnamese dictionary order (a, ă, â, b, c, d, đ, e, ê …), not code-point order: the order of {@link #sortKey},
     * so a list sorted in Java and one sorted by the database agree.
     */
    public static Comparator<String> collation() {
        return Comparator.comparing((String s) -> VietnameseSortKey.of(tidy(s), Integer.MAX_VALUE))
                .thenComparing(VietnameseText::tidy);
    }

    /** Longest key stored in the {@code *_sort} columns ({@code varchar(600)}, V50). */
    public static final int SORT_KEY_MAX_LENGTH = 600;

    /**
     * A key whose plain character order is Vietnamese dictionary order, for SQL {@code order by}; the order is defined
     * in {@link VietnameseSortKey}, not by the JDK, so stored keys stay right across JDK upgrades. Only
     * {@code [0-9a-f]}, so PostgreSQL (C, C.UTF-8 or en_US.UTF-8) and H2 sort it the same way, and a B-tree index can
     * serve the order. Keys longer than {@link #SORT_KEY_MAX_LENGTH} are cut; cutting keeps the order (a cut key never
     * sorts after the key it was cut from), so very long names that share their first ~100 letters tie and the list
     * falls back to its id tie-breaker. Null stays null.
     */
    public static String sortKey(String text) {
        return text == null ? null : VietnameseSortKey.of(tidy(text), SORT_KEY_MAX_LENGTH);
    }

    /** Escapes LIKE wildcards so a search for {@code 100%} matches literally. */
    public static String likeContains(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
