package vn.cungem.donation;

import java.util.Map;
import vn.cungem.shared.Money;

/** Counts for a campaign's donation overview page. */
public record DonationOverview(
        long points,
        Map<PledgeStatus, Long> pledgesByStatus,
        Money cashPledgedVnd,
        Money cashReceivedVnd,
        long receipts,
        long ledgerEntries,
        long unmatchedBankLines,
        long purchases,
        boolean hasBankAccount) {}
