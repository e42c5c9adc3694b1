package vn.cungem.donation.cash;

import java.time.OffsetDateTime;
import java.util.List;
import vn.cungem.donation.cash.StatementRejectedException.LineProblem;

/**
 * A statement import as the page and the API follow it: where it stands, how far it is, and once it is over what it
 * did ({@code result}) or why the file was refused ({@code failureVi}, {@code failureEn}, {@code problems}).
 */
public record StatementImportJob(
        long id,
        long campaignId,
        String fileName,
        Status status,
        String uploadedBy,
        int linesTotal,
        int linesDone,
        ImportCounts result,
        String failureVi,
        String failureEn,
        List<LineProblem> problems,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String bank,
        StatementColumnsToConfirm.Proposal columnsToConfirm) {

    /**
     * QUEUED: waiting for a node; RUNNING: a node is importing it; CONFIRM: waiting for a person to confirm the
     * columns ({@code columnsToConfirm}); DONE and FAILED are final.
     */
    public enum Status {
        QUEUED,
        RUNNING,
        CONFIRM,
        DONE,
        FAILED;

        public boolean busy() {
            return this == QUEUED || this == RUNNING;
        }
    }

    /** How far the import is, 0–100. */
    public int percent() {
        if (linesTotal <= 0) {
            return status.busy() ? 0 : 100;
        }
        return (int) Math.min(100, Math.round(100.0 * linesDone / linesTotal));
    }
}
