package vn.cungem.student;

import java.util.Optional;

/**
 * Which uploaded files are accepted as evidence: PDF, JPEG or PNG up to 5 MB, recognised by their first bytes, never by
 * the name or the type the browser claims (a renamed executable stays out).
 */
public final class EvidenceFiles {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private EvidenceFiles() {}

    /** The content type the bytes really are, or an error in Vietnamese and English. */
    public static String check(byte[] content) {
        if (content == null || content.length == 0) {
            throw StudentTexts.invalid("student.evidence.empty");
        }
        if (content.length > MAX_BYTES) {
            throw StudentTexts.invalid("student.evidence.size");
        }
        return type(content).orElseThrow(() -> StudentTexts.invalid("student.evidence.type"));
    }

    static Optional<String> type(byte[] c) {
        if (starts(c, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(c, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
