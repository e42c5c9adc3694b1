package vn.cungem.donation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.cungem.shared.InvalidValueException;

/**
 * Where a page of a donation list (pledges, bank lines, ledger) starts: after (or before) one row of {@code list}.
 * Opaque to clients (base64url) and naming only a row id, whose sort key is read again in the reader's scope, so a page
 * is an index range however deep it is, never an offset. A cursor of another list or a tampered one is refused with a
 * message, not a 500.
 */
public record ListCursor(String list, boolean after, long id) {

    private static final String VERSION = "d1";

    public String encode() {
        String plain = VERSION + "." + list + "." + (after ? "a" : "b") + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static ListCursor after(String list, long id) {
        return new ListCursor(list, true, id);
    }

    public static ListCursor before(String list, long id) {
        return new ListCursor(list, false, id);
    }

    /** The cursor {@code text} holds for {@code list}; null for none; refused when it is not one of that list's. */
    public static ListCursor decode(String list, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() <= 100) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
                String[] parts = plain.split("\\.");
                if (parts.length == 4
                        && parts[0].equals(VERSION)
                        && parts[1].equals(list)
                        && (parts[2].equals("a") || parts[2].equals("b"))) {
                    return new ListCursor(list, parts[2].equals("a"), Long.parseLong(parts[3]));
                }
            } catch (IllegalArgumentException notOurs) {
                // bad base64 or a number that is not one: refused below like any other
            }
        }
        throw InvalidValueException.of("cursor", "donation.error.cursor");
    }
}
