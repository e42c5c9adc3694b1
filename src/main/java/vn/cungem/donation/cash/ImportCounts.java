package vn.cungem.donation.cash;

/**
 * What a statement import did, as the page, the API and the job show it: lines in the file, added, already known,
 * matched by code, by amount and name, bank fees posted, left for a person.
 */
public record ImportCounts(
        long importId,
        int linesInFile,
        int added,
        int alreadyKnown,
        int matchedByCode,
        int matchedByAmountAndName,
        int bankFeesPosted,
        int unmatched)
        implements java.io.Serializable {

    /** Lines reconciled without a person: by code, by amount and name, and bank fees. */
    public int matched() {
        return matchedByCode + matchedByAmountAndName + bankFeesPosted;
    }
}
