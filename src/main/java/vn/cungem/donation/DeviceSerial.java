package vn.cungem.donation;

import java.util.Locale;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.InvalidValueException;

/**
 * A device's serial number or IMEI as stored and compared: upper case, no spaces, so "sn 12ab" typed at one point and
 * "SN12AB" at another are found to be the same device. A smartphone's is its IMEI (15 digits, the last a Luhn check
 * digit, dashes and spaces ignored); so is a tablet's when it is all digits (a Wi-Fi-only tablet has only a serial,
 * with letters). Anything else is free text of at most 100 characters.
 */
public record DeviceSerial(String value) {

    public static final int MAX_LENGTH = 100;

    public DeviceSerial {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.equals(normalise(value))) {
            throw InvalidValueException.of("serial.invalid", "serial.error.invalid", String.valueOf(value));
        }
    }

    /** The serial as typed for a device of this type, normalised and checked. */
    public static DeviceSerial of(ItemType type, String typed) {
        String value = normalise(typed);
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw InvalidValueException.of("serial.invalid", "serial.error.invalid", String.valueOf(typed));
        }
        String digits = value.replace("-", "");
        boolean imeiExpected = type == ItemType.SMARTPHONE || (type == ItemType.TABLET && digits.matches("[0-9]+"));
        if (imeiExpected) {
            if (!isImei(digits)) {
                throw InvalidValueException.of("serial.imei", "serial.error.imei", typed.strip());
            }
            return new DeviceSerial(digits);
        }
        return new DeviceSerial(value);
    }

    /** Upper case without any whitespace; null reads as empty. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** 15 digits whose last is the Luhn check digit of the first 14 (3GPP TS 23.003, annex B). */
    public static boolean isImei(String digits) {
        if (digits == null || !digits.matches("[0-9]{15}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int d = digits.charAt(14 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
