package vn.cungem.handover;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.cungem.inventory.Reservations.Holding;
import vn.cungem.shared.InvalidValueException;

/** The small checks of typed text every handover form shares, worded through the handover bundle. */
final class Texts {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Texts() {}

    static String optional(String value, int max, String fieldKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw InvalidValueException.of("handover.too-long", "handover.error.too-long", label(fieldKey), max);
        }
        return v;
    }

    static String required(String value, int max, String fieldKey) {
        String v = optional(value, max, fieldKey);
        if (v == null) {
            throw InvalidValueException.of("handover.required", "handover.error.required", label(fieldKey));
        }
        return v;
    }

    private static String label(String fieldKey) {
        return vn.cungem.shared.text.Bundles.vi(fieldKey);
    }

    /**
     * Whether the device is still waiting for its student. Read by the state's name: the inventory's states are its own
     * (not part of its API), and only "reserved" matters here.
     */
    static boolean reserved(Holding h) {
        return "RESERVED".equals(String.valueOf(h.status()));
    }

    static boolean handedOver(Holding h) {
        return "HANDED_OVER".equals(String.valueOf(h.status()));
    }
}
