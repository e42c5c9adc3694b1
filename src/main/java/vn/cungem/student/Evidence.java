package vn.cungem.student;

import java.time.OffsetDateTime;

/** A file proving a household situation (giấy chứng nhận hộ nghèo …), without its bytes. */
public record Evidence(long id, String fileName, String contentType, int sizeBytes, OffsetDateTime uploadedAt) {

    /** The file itself, for download by readers who cover the student. */
    public record File(String fileName, String contentType, byte[] content) {}
}
