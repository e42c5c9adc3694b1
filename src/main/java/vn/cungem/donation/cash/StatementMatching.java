package vn.cungem.donation.cash;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cungem.donation.cash.BulkWriter.LineRow;
import vn.cungem.donation.cash.Reconciler.Match;
import vn.cungem.donation.cash.Reconciler.OpenPledge;

/**
 * One import's matching, in memory and in file order: credits to the campaign's open pledges (by code, then by amount
 * and name), debits that are bank fees to the ledger. Each line leaves here in its final state, so the writer stores
 * it once; the counts are what the import reports.
 */
final class StatementMatching {

    private final Reconciler reconciler;
    private final Set<Long> touchedPledges = new LinkedHashSet<>();
    private int byCode;
    private int byName;
    private int fees;

    StatementMatching(List<OpenPledge> open) {
        this.reconciler = new Reconciler(open);
    }

    /** The row to store for {@code line}, matched when a rule finds what it pays or that it is a bank fee. */
    LineRow row(long campaignId, long importId, String fingerprint, StatementLine line, String folded, Instant now) {
        Long pledgeId = null;
        String method = null;
        if (line.credit().isPositive()) {
            Optional<Match> match = reconciler.match(line.credit(), line.description(), folded);
            if (match.isPresent()) {
                pledgeId = match.get().pledgeId();
                method = match.get().method().name();
                touchedPledges.add(pledgeId);
                if (match.get().method() == Reconciler.Method.CODE) {
                    byCode++;
                } else {
                    byName++;
                }
            }
        } else if (Reconciler.isBankFee(line.debit(), folded)) {
            method = "AUTO_FEE";
            fees++;
        }
        return new LineRow(
                campaignId,
                importId,
                fingerprint,
                line.bookedOn(),
                line.reference(),
                line.debit(),
                line.credit(),
                line.balance(),
                line.description(),
                folded,
                method == null ? "UNMATCHED" : "MATCHED",
                pledgeId,
                method,
                method == null ? null : now);
    }

    /** The pledges that received money, whose progress is to be recomputed. */
    Set<Long> touchedPledges() {
        return touchedPledges;
    }

    ImportCounts counts(long importId, int inFile, int added) {
        int matched = byCode + byName + fees;
        return new ImportCounts(importId, inFile, added, inFile - added, byCode, byName, fees, added - matched);
    }
}
