package vn.cungem.student.importing.values;

import vn.cungem.shared.text.VietnameseText;

/** Text compared as the dictionary and the remembered mappings compare it: folded, words of letters and digits only. */
final class Folded {

    private static final java.util.regex.Pattern NOT_WORDS = java.util.regex.Pattern.compile("[^a-z0-9]+");

    private Folded() {}

    static String of(String raw) {
        return NOT_WORDS.matcher(VietnameseText.fold(raw)).replaceAll(" ").strip();
    }

    /** Whether {@code phrase} occurs in {@code folded} as whole words ("ngheo" is in "ho ngheo", not in "ngheon"). */
    static boolean has(String folded, String phrase) {
        int at = folded.indexOf(phrase);
        while (at >= 0) {
            int end = at + phrase.length();
            boolean startOk = at == 0 || folded.charAt(at - 1) == ' ';
            boolean endOk = end == folded.length() || folded.charAt(end) == ' ';
            if (startOk && endOk) {
                return true;
            }
            at = folded.indexOf(phrase, at + 1);
        }
        return false;
    }

    static boolean hasAny(String folded, java.util.List<String> phrases) {
        for (String p : phrases) {
            if (has(folded, p)) {
                return true;
            }
        }
        return false;
    }
}
