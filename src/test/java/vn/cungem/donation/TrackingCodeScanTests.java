package vn.cungem.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TrackingCode#findPledgeCodeIn} used to be a regex; it now scans by hand for speed. It must find exactly what
 * the regex found, on random descriptions built from valid and broken codes in every spelling banks produce.
 */
class TrackingCodeScanTests {

    private static final Pattern IN_TEXT = Pattern.compile(
            "(?i)(?<![A-Z0-9])(CE)[\\s-]?((?:[0-9A-HJKMNP-TV-Z][\\s-]?){7}[0-9A-HJKMNP-TV-Z])(?![A-Z0-9])");
    private static final Pattern SHAPE = Pattern.compile("(CE|BN|TB)[0-9A-HJKMNP-TV-Z]{8}");

    private static Optional<String> byRegex(String description) {
        Matcher m = IN_TEXT.matcher(description);
        while (m.find()) {
            String candidate =
                    (m.group(1) + m.group(2)).toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
            if (SHAPE.matcher(candidate).matches() && checks(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean checks(String candidate) {
        try {
            return TrackingCode.parse(candidate).value().equals(candidate);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final String[] FILLER = {
        " ",
        "-",
        "  ",
        "\t",
        "ung ho ",
        "MBVCB.123456.",
        "chuyen tien",
        "x",
        "1",
        "Đ",
        "ſ",
        "ı",
        "ce",
        "CE",
        "Ce",
        ".",
        "/",
        "é",
        "balance ",
        "CE-",
        "ce ",
    };

    @Test
    void findsWhatTheRegexFound() {
        Random random = new Random(20210901L);
        int found = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(6); p >= 0; p--) {
                if (random.nextInt(3) == 0) {
                    text.append(
                            spelling(TrackingCode.generate(TrackingCode.PLEDGE).value(), random));
                } else {
                    text.append(FILLER[random.nextInt(FILLER.length)]);
                }
            }
            String description = text.toString();
            Optional<String> expected = byRegex(description);
            assertThat(TrackingCode.findPledgeCodeIn(description).map(TrackingCode::value))
                    .as("in \"%s\"", description)
                    .isEqualTo(expected);
            found += expected.isPresent() ? 1 : 0;
        }
        // Both kinds of description must have been tried in numbers.
        assertThat(found).isBetween(3_000, 27_000);
    }

    /** The code as a donor might type it: lower case, split, a character changed or dropped. */
    private static String spelling(String code, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            switch (random.nextInt(60)) {
                case 0 -> out.append(Character.toLowerCase(c));
                case 1 -> out.append(c).append('-');
                case 2 -> out.append(c).append(' ');
                case 3 -> out.append(c).append("  ");
                case 4 -> out.append('Z');
                case 5 -> {}
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
