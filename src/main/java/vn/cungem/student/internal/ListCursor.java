package vn.cungem.student.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import vn.cungem.student.StudentSort;

/**
 * Where a list page starts: after (or before) one student in one sort order. Opaque to clients (base64url); it names
 * only a row id, whose sort key is read again (in the reader's scope) when the next page is asked for.
 */
public record ListCursor(StudentSort sort, boolean after, long studentId) {

    private static final String VERSION = "s1";

    public String encode() {
        String plain = VERSION + "." + sort.name() + "." + (after ? "a" : "b") + "." + studentId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a string holds; empty when it is not one of ours (tampered, truncated, from another version). */
    public static Optional<ListCursor> decode(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.");
            if (parts.length != 4 || !parts[0].equals(VERSION) || !(parts[2].equals("a") || parts[2].equals("b"))) {
                return Optional.empty();
            }
            return Optional.of(
                    new ListCursor(StudentSort.valueOf(parts[1]), parts[2].equals("a"), Long.parseLong(parts[3])));
        } catch (IllegalArgumentException e) {
            // bad base64, an unknown sort or a number that is not one (NumberFormatException is one of these)
            return Optional.empty();
        }
    }
}
