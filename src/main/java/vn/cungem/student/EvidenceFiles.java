package vn.cungem.student;

import java.util.Optional;
import vn.cungem.shared.InvalidValueException;

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
            throw new InvalidValueException(
                    "student.evidence.empty", "Chưa chọn tệp minh chứng.", "No evidence file was chosen.");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidValueException(
                    "student.evidence.size",
                    "Tệp minh chứng lớn hơn 5 MB; hãy chụp lại với độ phân giải thấp hơn hoặc nén PDF.",
                    "The evidence file is larger than 5 MB; take the photo at a lower resolution or compress the PDF.");
        }
        return type(content)
                .orElseThrow(() -> new InvalidValueException(
                        "student.evidence.type",
                        "Tệp minh chứng phải là PDF, ảnh JPEG hoặc PNG.",
                        "The evidence file must be a PDF, JPEG or PNG."));
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
