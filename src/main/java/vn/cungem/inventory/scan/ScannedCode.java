package vn.cungem.inventory.scan;

import java.util.Locale;
import java.util.Optional;

/**
 * A tag as a scanner gives it: typed ("tb7k3m"), from a USB scanner (with stray spaces), or read by the camera from a
 * label's QR code, which holds the item page's address ({@code …/inventory/items/TB7K3M}).
 */
public final class ScannedCode {

    private static final int MAX = 300;

    private ScannedCode() {}

    /** The tag in the code, upper case; empty when there is nothing that could be a tag. */
    public static Optional<String> tag(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX) {
            return Optional.empty();
        }
        String code = raw.strip();
        int marker = code.lastIndexOf("/inventory/items/");
        if (marker >= 0) {
            code = code.substring(marker + "/inventory/items/".length());
            int end = indexOfAny(code, "/?#");
            code = end >= 0 ? code.substring(0, end) : code;
        }
        code = code.toUpperCase(Locale.ROOT);
        return code.matches("[A-Z0-9-]{2,16}") ? Optional.of(code) : Optional.empty();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
