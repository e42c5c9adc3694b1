package vn.cungem.student.importing.values;

import java.text.Normalizer;
import vn.cungem.shared.text.VietnameseText;

/**
 * A person's name as the registry keeps it: composed Unicode (NFC; a name typed with combining marks compares equal to
 * the same name typed precomposed), each word with a capital first letter and the rest small ({@code ĐỖ TUẤN HUY},
 * {@code đỗ tuấn huy} and {@code Đỗ TuấN Huy} are all {@code Đỗ Tuấn Huy}).
 */
public final class NameCasing {

    /** The repaired name and whether the casing was changed from a mix of capitals and small letters. */
    public record Result(String name, boolean changedFromMixed) {}

    private NameCasing() {}

    public static Result repair(String raw) {
        if (raw == null || raw.isBlank() || proper(raw)) {
            return new Result(raw, false);
        }
        String composed = VietnameseText.tidy(Normalizer.normalize(raw, Normalizer.Form.NFC));
        boolean shouting = composed.equals(composed.toUpperCase(VietnameseText.VIETNAMESE));
        boolean whisper = composed.equals(composed.toLowerCase(VietnameseText.VIETNAMESE));
        StringBuilder out = new StringBuilder(composed.length());
        for (String word : composed.split(" ", -1)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            // In a name otherwise typed with care, a word in capitals may be meant so (initials): left as typed.
            boolean keep = !shouting && !whisper && word.equals(word.toUpperCase(VietnameseText.VIETNAMESE));
            out.append(keep ? word : titled(word));
        }
        String name = out.toString();
        return new Result(name, !name.equals(composed) && !shouting && !whisper);
    }

    /**
     * Already as the registry keeps it: composed, single spaces, each word a capital then small letters. Most names of
     * a file are; they skip the work below.
     */
    private static boolean proper(String name) {
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            return false;
        }
        boolean start = true;
        char previous = ' ';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ') {
                if (previous == ' ') {
                    return false;
                }
                start = true;
            } else if (Character.isLetter(c)) {
                if (start ? !Character.isUpperCase(c) : !Character.isLowerCase(c)) {
                    return false;
                }
                start = false;
            } else if (!Character.isDigit(c) && c != '\'' && c != '-' && c != '.') {
                return false;
            } else {
                start = c == '-';
            }
            previous = c;
        }
        return previous != ' ' && name.charAt(0) != ' ';
    }

    private static String titled(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean start = true;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
            start = !Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
