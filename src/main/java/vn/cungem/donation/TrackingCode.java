package vn.cungem.donation;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.cungem.shared.InvalidValueException;

/**
 * A code a person reads aloud, types into a bank transfer note or scans: a two-letter prefix (CE pledge, BN receipt,
 * TB device tag) and eight Crockford base-32 characters, the last a check character, e.g. {@code CE7K3M9Q2X}. No I, L,
 * O or U, so nothing is mistaken for 1 or 0, and no punctuation, which banks strip from transfer notes.
 */
public record TrackingCode(String value) {

    public static final String PLEDGE = "CE";
    public static final String RECEIPT = "BN";
    public static final String DEVICE = "TB";

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern SHAPE = Pattern.compile("(CE|BN|TB)[0-9A-HJKMNP-TV-Z]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public TrackingCode {
        if (value == null || !SHAPE.matcher(value).matches() || !checks(value)) {
            throw InvalidValueException.of("tracking-code.invalid", "donation.error.tracking-code.invalid");
        }
    }

    public static TrackingCode generate(String prefix) {
        StringBuilder body = new StringBuilder(prefix);
        for (int i = 0; i < 7; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        body.append(checkChar(body.substring(2)));
        return new TrackingCode(body.toString());
    }

    /**
     * The code numbered {@code number} (0 to 32^7 - 1) with its check character: distinct numbers give distinct codes,
     * for data written in bulk (the generator), where random codes would collide among hundreds of thousands.
     */
    public static TrackingCode numbered(String prefix, long number) {
        if (number < 0 || number >= (1L << 35)) {
            throw new IllegalArgumentException("code number out of range: " + number);
        }
        StringBuilder body = new StringBuilder(prefix);
        for (int i = 6; i >= 0; i--) {
            body.append(ALPHABET.charAt((int) ((number >>> (5 * i)) & 31)));
        }
        body.append(checkChar(body.substring(2)));
        return new TrackingCode(body.toString());
    }

    /** Reads what a person typed: lower case, spaces, dashes, O for 0 and I/L for 1 are forgiven. */
    public static TrackingCode parse(String typed) {
        if (typed == null) {
            return new TrackingCode(null);
        }
        String cleaned = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (cleaned.length() == 10) {
            cleaned = cleaned.substring(0, 2)
                    + cleaned.substring(2).replace('O', '0').replace('I', '1').replace('L', '1');
        }
        return new TrackingCode(cleaned);
    }

    /**
     * The first valid pledge code in a bank transfer description, if any. Scanned by hand rather than with
     * a regex: reconciliation looks at every line of statements of 100,000 lines, and a case-insensitive regex with
     * look-arounds, tried at every position, was a large part of the matching time. In a bank's description the code
     * may be split by spaces or dashes and lower-cased ("ung ho ce7k3 m9q2x"): {@code CE}, then eight code characters,
     * the first eight parts each optionally followed by one space or dash, not preceded or followed by an ASCII letter
     * or digit, in any case. {@code TrackingCodeScanTests} checks this against the regex it replaced.
     */
    public static Optional<TrackingCode> findPledgeCodeIn(String description) {
        if (description == null) {
            return Optional.empty();
        }
        int n = description.length();
        int i = 0;
        while (i + 1 < n) {
            char c = description.charAt(i);
            if ((c == 'C' || c == 'c')
                    && (description.charAt(i + 1) == 'E' || description.charAt(i + 1) == 'e')
                    && (i == 0 || !isAsciiAlphanumeric(description.charAt(i - 1)))) {
                int end = codeEndingAt(description, i);
                if (end > 0) {
                    String candidate = codeBetween(description, i, end);
                    if (checks(candidate)) {
                        return Optional.of(new TrackingCode(candidate));
                    }
                    // As Matcher.find does, the search goes on after the whole candidate.
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return Optional.empty();
    }

    /** Where a code that starts with "CE" at {@code start} ends (exclusive), or -1 when none does. */
    private static int codeEndingAt(String text, int start) {
        int n = text.length();
        int j = start + 2;
        if (j < n && isSeparator(text.charAt(j))) {
            j++;
        }
        for (int k = 0; k < 8; k++) {
            if (j >= n || ALPHABET.indexOf(Character.toUpperCase(text.charAt(j))) < 0 || !isAscii(text.charAt(j))) {
                return -1;
            }
            j++;
            if (k < 7 && j < n && isSeparator(text.charAt(j))) {
                j++;
            }
        }
        return j < n && isAsciiAlphanumeric(text.charAt(j)) ? -1 : j;
    }

    private static String codeBetween(String text, int start, int end) {
        StringBuilder code = new StringBuilder(10);
        for (int j = start; j < end; j++) {
            char c = text.charAt(j);
            if (!isSeparator(c)) {
                code.append(Character.toUpperCase(c));
            }
        }
        return code.toString();
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isAscii(char c) {
        return c < 0x80;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    public String prefix() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean checks(String code) {
        return code.charAt(9) == checkChar(code.substring(2, 9));
    }

    /**
     * A sum weighted by odd numbers modulo 32: odd weights are invertible modulo 32, so any single mistyped character
     * changes the check; most swaps of neighbours do too.
     */
    private static char checkChar(String seven) {
        int sum = 0;
        for (int i = 0; i < seven.length(); i++) {
            sum += (2 * i + 1) * ALPHABET.indexOf(seven.charAt(i));
        }
        return ALPHABET.charAt(sum % 32);
    }
}
