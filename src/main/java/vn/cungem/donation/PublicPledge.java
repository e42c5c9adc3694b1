package vn.cungem.donation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.cungem.shared.Money;

/**
 * A pledge as anyone holding its code may see it: no phone, email or tax code; the donor's name only when they agreed
 * to be named. {@code transfer} is empty when no money was pledged or the campaign has no bank account yet.
 */
public record PublicPledge(
        String code,
        long campaignId,
        String campaignCode,
        String campaignName,
        PledgeStatus status,
        List<PledgeLine> lines,
        Money cashAmountVnd,
        Money cashReceivedVnd,
        String pointName,
        String pointAddress,
        String pointOpeningHours,
        LocalDate expectedOn,
        String donorName,
        boolean wantsCertificate,
        OffsetDateTime createdAt,
        TransferDetails transfer) {}
