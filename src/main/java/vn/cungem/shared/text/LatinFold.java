package vn.cungem.shared.text;

/**
 * {@link VietnameseText#fold} in one pass over the characters, for text written in Latin letters (Vietnamese with
 * precomposed tones, as keyboards and Excel produce it): each letter looked up in a table of what folding it alone
 * gives. Folding is done on every cell of a 100,000-row import (footers told from students, names, free texts), and
 * the normaliser's two passes and four copies of each text were a sixth of the preview's reading (issue 11). Any
 * other character (a combining mark, a control character, another script) returns null and the caller folds by the
 * normaliser; {@code VietnameseTextRegexEquivalenceTests} checks that both give the same strings.
 */
final class LatinFold {

    /** Latin-1, Latin Extended-A and -B; then Latin Extended Additional (Vietnamese: ạ, ả, ấ … ỹ) from U+1E00. */
    private static final char LOW_END = '\u0250';

    private static final char EXTENDED_START = '\u1E00';
    private static final char EXTENDED_END = '\u1F00';
    /** What folding each character alone gives, when that is one character; 0 where the normaliser must decide. */
    private static final char[] LOW = table('\u0000', LOW_END);

    private static final char[] EXTENDED = table(EXTENDED_START, EXTENDED_END);

    private LatinFold() {}

    private static char[] table(char from, char to) {
        char[] table = new char[to - from];
        for (char c = from; c < to; c++) {
            if (c < ' ' || VietnameseText.isSpace(c)) {
                continue; // spaces and control characters: by hand in fold, or by the normaliser
            }
            String folded = VietnameseText.foldByNormaliser(String.valueOf(c));
            if (folded.length() == 1 && folded.charAt(0) > ' ' && !VietnameseText.isSpace(folded.charAt(0))) {
                table[c - from] = folded.charAt(0);
            }
        }
        return table;
    }

    /** The folded text, or null when it holds a character this table does not fold alone. */
    static String fold(String text) {
        int n = text.length();
        char[] out = null;
        int length = 0;
        boolean space = false;
        boolean same = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char f;
            if (VietnameseText.isSpace(c)) {
                // runs of whitespace become one space; none at either end (tidy's collapse and trim)
                space = length > 0;
                same = false;
                continue;
            } else if (c < LOW_END) {
                f = LOW[c];
            } else if (c >= EXTENDED_START && c < EXTENDED_END) {
                f = EXTENDED[c - EXTENDED_START];
            } else {
                return null;
            }
            if (f == 0) {
                return null;
            }
            if (out == null) {
                out = new char[n];
            }
            if (space) {
                out[length++] = ' ';
                space = false;
            }
            same &= f == c;
            out[length++] = f;
        }
        if (same && length == n) {
            return text;
        }
        return length == 0 ? "" : new String(out, 0, length);
    }
}
