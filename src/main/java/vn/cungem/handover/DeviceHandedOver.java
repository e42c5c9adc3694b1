package vn.cungem.handover;

import java.time.LocalDate;

/**
 * A device was given to a student and the record of it is signed: published in the transaction that stores the record,
 * so follow-up (checks after two weeks and two months, returns) starts from exactly the handovers that happened.
 */
public record DeviceHandedOver(
        long handoverId, long campaignId, long studentId, long schoolId, long itemId, String tag, LocalDate handedOn) {}
