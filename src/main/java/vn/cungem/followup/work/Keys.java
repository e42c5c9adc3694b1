package vn.cungem.followup.work;

import java.util.UUID;
import vn.cungem.shared.InvalidValueException;

/** Idempotency keys as people's phones and apps send them: optional, trimmed, at most 80 characters. */
final class Keys {

    /** Room left for the prefix follow-up adds when it passes the key on to inventory's take-back. */
    static final int MAX = 80;

    private Keys() {}

    static String of(String raw) {
        if (raw == null || raw.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String key = raw.trim();
        if (key.length() > MAX) {
            throw InvalidValueException.of("followup.key", "followup.error.key", MAX);
        }
        return key;
    }
}
