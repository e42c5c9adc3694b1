package vn.cungem.organisation;

import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.VietnameseText;

/** The "why" a person gives for a change, kept in the audit log beside it. */
final class Reasons {

    private Reasons() {}

    static String tidy(String reason) {
        String tidy = VietnameseText.tidy(reason);
        if (tidy != null && tidy.length() > 1000) {
            throw InvalidValueException.of("reason.too-long", "org.error.reason-too-long");
        }
        return tidy == null || tidy.isEmpty() ? null : tidy;
    }
}
