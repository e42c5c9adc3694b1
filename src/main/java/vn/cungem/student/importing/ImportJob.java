package vn.cungem.student.importing;

import java.time.OffsetDateTime;
import java.util.List;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.text.Bundles;
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
        int skipped,
        String failureVi,
        String failureEn,
        List<String> ignoredHeaders,
        List<StudentColumn> missingColumns,
        List<Integer> sheetsRead,
        List<Column> columns,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /**
     * One column of a sheet's header, as the mapping step shows it: its text, a few of its values, the field it was
     * taken for (null: none) and whether surely.
     */
    public record Column(int index, String header, List<String> samples, StudentColumn field, boolean sure) {

        /** Whether the column only numbers the rows ("STT"): nothing to ask about. */
        public boolean rowNumbers() {
            return SheetLayout.rowNumbers(header);
        }
    }

    /**
     * UPLOADED: waiting for the person to choose a sheet; COLUMNS: waiting for the person to confirm which column
     * holds what ({@link #columns}); VALIDATING: queued or being checked; PREVIEW: checked,
     * nothing written, waiting for commit or discard; COMMITTING: queued or being written; COMMITTED, FAILED and
     * DISCARDED are final.
     */
    public enum Status {
        UPLOADED,
        COLUMNS,
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

    /** Whether this sheet of the workbook is read (it has a header); the others are said to be skipped. */
    public boolean sheetRead(int index) {
        return sheetsRead.contains(index);
    }

    /** The names of the sheets with rows that are read ({@code read}) or skipped for want of a header. */
    public List<String> sheetNames(boolean read) {
        if (sheetsRead.isEmpty()) {
            return List.of();
        }
        return sheets.stream()
                .filter(s -> s.rows() > 0 && sheetsRead.contains(s.index()) == read)
                .map(SheetInfo::name)
                .toList();
    }

    /** A row's number as the person finds it: "Lớp 6A2 · 7" when several sheets are read. */
    public String rowLabel(int row) {
        int sheet = row / StudentSheet.SHEET_STRIDE;
        if (sheet == 0 || sheet > sheetsRead.size()) {
            return String.valueOf(row);
        }
        int index = sheetsRead.get(sheet - 1);
        String name = sheets.stream()
                .filter(s -> s.index() == index)
                .map(SheetInfo::name)
                .findFirst()
                .orElse(String.valueOf(index + 1));
        return name + " · " + (row % StudentSheet.SHEET_STRIDE);
    }

    /** The refusal of an action this import's state does not allow. */
    InvalidValueException notNow() {
        return ConflictException.of(
                "student-import.state",
                "studentImport.notNow",
                Bundles.vi("studentImport.status." + status.name()),
                Bundles.en("studentImport.status." + status.name()));
    }
}
