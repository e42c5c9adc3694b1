package vn.cungem.handover.web;

import java.util.Base64;
import vn.cungem.shared.InvalidValueException;

/** A photo the phone queued as a data URI; its real type is read from its bytes by the record's own check. */
final class PhotoDataUri {

    private PhotoDataUri() {}

    static byte[] decode(String dataUri) {
        if (dataUri == null || dataUri.isBlank()) {
            return null;
        }
        int comma = dataUri.indexOf(',');
        if (!dataUri.startsWith("data:")
                || comma < 0
                || !dataUri.substring(0, comma).endsWith(";base64")) {
            throw InvalidValueException.of("handover.photo-type", "handover.error.photo-type");
        }
        try {
            return Base64.getDecoder().decode(dataUri.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.of("handover.photo-type", "handover.error.photo-type");
        }
    }
}
