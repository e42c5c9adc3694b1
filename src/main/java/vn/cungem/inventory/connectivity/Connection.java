package vn.cungem.inventory.connectivity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A SIM, data package or Wi-Fi device as recorded, with the device it is paired with now (if any). */
public record Connection(
        long id,
        ConnectionKind kind,
        Operator operator,
        String phoneNumber,
        String serial,
        String packageName,
        BigDecimal allowanceGb,
        LocalDate activatedOn,
        LocalDate expiresOn,
        ConnectionStatus status,
        String problemReason,
        String note,
        long campaignId,
        long unitId,
        Long partnerId,
        Long placeId,
        Long pairedItemId,
        String pairedTag,
        OffsetDateTime pairedAt,
        int version) {

    /** What a person calls it: the number when it has one, else the serial. */
    public String label() {
        return phoneNumber != null ? phoneNumber : serial;
    }

    /** Activated, but its expiry date has passed and the operator has not said so yet. */
    public boolean lapsed(LocalDate today) {
        return status == ConnectionStatus.ACTIVATED && expiresOn != null && expiresOn.isBefore(today);
    }
}
