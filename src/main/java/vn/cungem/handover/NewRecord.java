package vn.cungem.handover;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the volunteer's phone sends for one student: the tags scanned (or typed), the guardian who receives, where, and
 * the signature drawn on the phone (a PNG data URI) or a photo of the signed paper. Made offline when the phone queued
 * it without signal; {@code madeAt} is the phone's clock when the record was made (null: now, as it arrives).
 */
public record NewRecord(
        List<String> tags,
        String guardianName,
        String guardianRelation,
        String guardianPhone,
        String place,
        String signature,
        byte[] photo,
        String photoType,
        boolean madeOffline,
        OffsetDateTime madeAt) {}
