package vn.cungem.donation;

import java.util.Map;

/** Counts for a campaign's donation overview page. */
public record DonationOverview(
        long points,
        Map<PledgeStatus, Long> pledgesByStatus,
        long cashPledgedVnd,
        long cashReceivedVnd,
        long receipts,
        long ledgerEntries,
        long unmatchedBankLines,
        long purchases,
        boolean hasBankAccount) {}
