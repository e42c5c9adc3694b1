package vn.cungem.handover;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A signed handover record (biên bản bàn giao). The child's name is masked and the guardian's details left out for a
 * reader who neither covers the school nor made the record. {@code madeAt} is when it was made (on the phone, for a
 * record queued without signal), {@code createdAt} when the server received it.
 */
public record RecordView(
        long id,
        String number,
        long batchId,
        long entryId,
        long studentId,
        String studentName,
        boolean masked,
        int grade,
        String className,
        long schoolId,
        String schoolName,
        String unitName,
        String campaignName,
        String guardianName,
        String guardianRelation,
        String guardianPhone,
        String handedBy,
        LocalDate handedOn,
        String place,
        boolean signed,
        boolean paperPhoto,
        boolean madeOffline,
        OffsetDateTime madeAt,
        OffsetDateTime createdAt,
        List<Item> items) {

    /** When the server received it, on Vietnam's clock (what the record prints beside an offline record's date). */
    public java.time.LocalDateTime receivedInVietnam() {
        return createdAt.atZoneSameInstant(Texts.VIETNAM).toLocalDateTime();
    }

    /** A device as printed on the record. */
    public record Item(
            long itemId,
            String tag,
            String type,
            String description,
            String serialNumber,
            String accessories,
            String connection) {}
}
