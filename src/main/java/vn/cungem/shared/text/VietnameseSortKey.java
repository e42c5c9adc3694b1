package vn.cungem.shared.text;

import java.text.Normalizer;

/**
 * The sort key stored in the {@code *_sort} columns: Vietnamese dictionary order, spelled out here rather than taken
 * from the JDK's collator, whose key bytes may change with a JDK upgrade and would then disagree with the keys already
 * stored (a list sorted half by old keys and half by new). The order, version 1:
 * <ol>
 *   <li>word by word: any run of spaces or punctuation separates words and sorts before every letter, so "An Bình"
 *       comes before "Anh";
 *   <li>digits, then the 29 letters of the Vietnamese alphabet in their order (a ă â b c d đ e ê g h i k l m n o ô ơ p
 *       q r s t u ư v x y) with f j w z where the Latin alphabet has them; any other character after all of these,
 *       by code point;
 *   <li>ties broken by tones, letter by letter: none, huyền, hỏi, ngã, sắc, nặng ("Anh" &lt; "Ánh" &lt; "Ăn");
 *   <li>case ignored.
 * </ol>
 * Changing this order means writing a migration that recomputes every stored key (as V151 did); {@code
 * VietnameseSortKeyTests} pins the bytes of a few keys so that nothing changes it by accident.
 */
final class VietnameseSortKey {

    // Data, not wording: the letters in the order Vietnamese dictionaries sort them.
    private static final String ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

    private static final int LEVEL_SEPARATOR = 0x01;
    private static final int WORD_SEPARATOR = 0x02;
    private static final int FIRST_DIGIT = 0x10;
    private static final int FIRST_LETTER = 0x20;
    private static final int OTHER = 0xf0;

    private static final char BREVE = '\u0306';
    private static final char CIRCUMFLEX = '\u0302';
    private static final char HORN = '\u031b';

    /** Tone marks in dictionary order; a letter without one has tone 0. */
    private static final String TONES = "\u0300\u0309\u0303\u0301\u0323";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VietnameseSortKey() {}

    /** Lower-case hex of the key bytes, at most {@code maxLength} characters (a cut key keeps its order). */
    static String of(String tidy, int maxLength) {
        String s = Normalizer.normalize(tidy.toLowerCase(VietnameseText.VIETNAMESE), Normalizer.Form.NFD);
        byte[] primary = new byte[s.length() * 3 + 1];
        byte[] tones = new byte[s.length()];
        int p = 0;
        int t = 0;
        boolean separated = true;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                if (!separated && !isMark(cp)) {
                    primary[p++] = WORD_SEPARATOR;
                    separated = true;
                }
                continue;
            }
            separated = false;
            if (Character.isDigit(cp) && cp <= '9') {
                primary[p++] = (byte) (FIRST_DIGIT + cp - '0');
                continue;
            }
            char letter = (char) cp;
            int tone = 0;
            while (i < s.length() && isMark(s.charAt(i))) {
                char mark = s.charAt(i++);
                if (mark == BREVE && letter == 'a') {
                    letter = 'ă';
                } else if (mark == CIRCUMFLEX && "aeo".indexOf(letter) >= 0) {
                    letter = letter == 'a' ? 'â' : letter == 'e' ? 'ê' : 'ô';
                } else if (mark == HORN && (letter == 'o' || letter == 'u')) {
                    letter = letter == 'o' ? 'ơ' : 'ư';
                } else if (TONES.indexOf(mark) >= 0) {
                    tone = TONES.indexOf(mark) + 1;
                }
            }
            int index = cp <= 0xffff ? ALPHABET.indexOf(letter) : -1;
            if (index >= 0) {
                primary[p++] = (byte) (FIRST_LETTER + index);
                tones[t++] = (byte) tone;
            } else {
                int code = Math.min(cp, 0xffff);
                primary[p++] = (byte) OTHER;
                primary[p++] = (byte) (code >>> 8);
                primary[p++] = (byte) code;
            }
        }
        if (p > 0 && primary[p - 1] == WORD_SEPARATOR) {
            p--;
        }
        int length = Math.min((p + 1 + t) * 2, maxLength);
        char[] hex = new char[length];
        for (int k = 0; k < length; k++) {
            int index = k / 2;
            int b = index < p ? primary[index] & 0xff : index == p ? LEVEL_SEPARATOR : tones[index - p - 1];
            hex[k] = HEX[k % 2 == 0 ? b >>> 4 : b & 0x0f];
        }
        return new String(hex);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
