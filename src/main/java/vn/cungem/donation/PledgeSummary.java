package vn.cungem.donation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.cungem.shared.Money;

/** A row of a campaign's pledge list. */
public record PledgeSummary(
        long id,
        String code,
        String donorName,
        DonorKind donorKind,
        String donorPhone,
        PledgeStatus status,
        Money cashAmountVnd,
        Money cashReceivedVnd,
        long items,
        String pointName,
        LocalDate expectedOn,
        OffsetDateTime createdAt) {}
