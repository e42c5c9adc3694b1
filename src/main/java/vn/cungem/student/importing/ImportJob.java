package vn.cungem.student.importing;

import java.time.OffsetDateTime;
import java.util.List;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;

/** An import as the page and the API show it: where it stands, its progress and what checking found. */
public record ImportJob(
        long id,
        long campaignId,
        String fileName,
        String format,
        Status status,
        String uploadedBy,
        List<SheetInfo> sheets,
        Integer sheetIndex,
        int rowsTotal,
        int rowsDone,
        int ok,
        int warnings,
        int errors,
        int duplicates,
        int likelyDuplicates,
        int inserted,
        int updated,
        String failureVi,
        String failureEn,
        List<String> ignoredHeaders,
        List<StudentColumn> missingColumns,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * UPLOADED: waiting for the person to choose a sheet; VALIDATING: queued or being checked; PREVIEW: checked,
     * nothing written, waiting for commit or discard; COMMITTING: queued or being written; COMMITTED, FAILED and
     * DISCARDED are final.
     */
    public enum Status {
        UPLOADED,
        VALIDATING,
        PREVIEW,
        COMMITTING,
        COMMITTED,
        FAILED,
        DISCARDED;

        public boolean busy() {
            return this == VALIDATING || this == COMMITTING;
        }
    }

    /** How far the background work is, 0–100. */
    public int percent() {
        if (rowsTotal <= 0) {
            return status.busy() ? 0 : 100;
        }
        return (int) Math.min(100, Math.round(100.0 * rowsDone / rowsTotal));
    }

    /** Rows the commit writes (or wrote): the valid ones, warnings included. */
    public int writable() {
        return ok + warnings;
    }

    /** The refusal of an action this import's state does not allow. */
    InvalidValueException notNow() {
        return new ConflictException(
                "student-import.state",
                "Lần nhập này đang ở trạng thái " + status + "; không thực hiện được thao tác này.",
                "This import is " + status + "; the action is not possible now.");
    }
}
