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
        if (raw == null || raw.isBlank()) {
            return new Result(raw, false);
        }
        String composed = VietnameseText.tidy(Normalizer.normalize(raw, Normalizer.Form.NFC));
        StringBuilder out = new StringBuilder(composed.length());
        boolean start = true;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            out.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
            start = !Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK;
            i += Character.charCount(cp);
        }
        String name = out.toString();
        boolean shouting = composed.equals(composed.toUpperCase(VietnameseText.VIETNAMESE));
        boolean whisper = composed.equals(composed.toLowerCase(VietnameseText.VIETNAMESE));
        return new Result(name, !name.equals(composed) && !shouting && !whisper);
    }
}
