package vn.cungem.donation.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which step of the public pledge form each field belongs to: 1 what (goods, money), 2 where and when (collection
 * point, date), 3 who (the donor, and anything not named here, such as a refusal of the whole form). Step 0 is the
 * whole form on one page, for a client that posts everything at once without naming a step.
 */
final class PledgeSteps {

    static final int ALL = 0;
    static final int LAST = 3;

    private PledgeSteps() {}

    static int parse(String step) {
        if (step == null) {
            return ALL;
        }
        try {
            return Math.max(ALL, Math.min(LAST, Integer.parseInt(step.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static int of(String field) {
        if (field.startsWith("lines") || field.equals("cashAmountVnd")) {
            return 1;
        }
        if (field.equals("collectionPointId") || field.equals("expectedOn")) {
            return 2;
        }
        return 3;
    }

    /** The errors of the steps the donor has been through: a later step's empty fields are not mistakes yet. */
    static Map<String, String> upTo(int step, Map<String, String> errors) {
        Map<String, String> kept = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (of(field) <= step) {
                kept.put(field, message);
            }
        });
        return kept;
    }

    /** The errors of one step, the one the donor is sent back to. */
    static Map<String, String> of(int step, Map<String, String> errors) {
        Map<String, String> kept = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            if (of(field) == step) {
                kept.put(field, message);
            }
        });
        return kept;
    }

    /** The first step with a mistake in it, or the last step when there is none. */
    static int firstWith(Map<String, String> errors) {
        return errors.keySet().stream().mapToInt(PledgeSteps::of).min().orElse(LAST);
    }

    /** The id of the field a message is about, for the error summary's links ({@code lines[0].quantity} → {@code lines0.quantity}). */
    static Map<String, String> anchors(Map<String, String> errors) {
        Map<String, String> anchors = new LinkedHashMap<>();
        for (String field : errors.keySet()) {
            anchors.put(field, anchor(field));
        }
        return anchors;
    }

    static String anchor(String field) {
        if (field.startsWith("lines[")) {
            return field.replace("[", "").replace("]", "");
        }
        return switch (field) {
            case "lines", "cashAmountVnd" -> "cashAmount";
            case "form" -> "form-error";
            default -> field.startsWith("donor.") ? field.substring("donor.".length()) : field;
        };
    }

    /** Whether a message is about an item row after the first (those rows sit behind a disclosure). */
    static boolean concernsLaterLines(Map<String, String> errors) {
        return errors.keySet().stream().anyMatch(f -> f.startsWith("lines[") && !f.startsWith("lines[0]"));
    }
}
