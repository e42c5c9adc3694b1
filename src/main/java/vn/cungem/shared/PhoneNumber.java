package vn.cungem.shared;

import java.util.regex.Pattern;

/**
 * A Vietnamese phone number in one canonical national form ({@code 0931771213}). {@code 0931.771.213},
 * {@code +84 931 771 213} and {@code 84931771213} are the same number. Mobile numbers have 10 digits; landlines
 * {@code 02x} have 11.
 */
public record PhoneNumber(String national) {

    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    public PhoneNumber {
        if (national == null
                || !(MOBILE.matcher(national).matches()
                        || LANDLINE.matcher(national).matches())) {
            throw InvalidValueException.of("phone.invalid", "phone.invalid");
        }
    }

    public static PhoneNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidValueException.of("phone.required", "phone.required");
        }
        String digits = SEPARATORS.matcher(raw).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0084")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw InvalidValueException.of("phone.invalid", "phone.digits-only");
        }
        return new PhoneNumber(digits);
    }

    /** {@code 0931.771.213}: grouped for reading aloud. */
    public String display() {
        if (national.length() == 10) {
            return national.substring(0, 4) + "." + national.substring(4, 7) + "." + national.substring(7);
        }
        return national.substring(0, 3) + "." + national.substring(3, 7) + "." + national.substring(7);
    }

    /** Middle digits hidden, for pages whose reader's scope does not cover the person. */
    public String masked() {
        return national.substring(0, 3) + "****" + national.substring(national.length() - 3);
    }

    @Override
    public String toString() {
        return national;
    }
}
