package vn.cungem.student.importing;

import vn.cungem.shared.security.Caller;
import vn.cungem.student.importing.ImportJob.Status;

/** The import's stored file and the uploader as a caller (for a worker on another node). */
final class JobData {
    long id;
    long campaignId;
    Status status;
    String fileName;
    byte[] content;
    SpreadsheetReader.Format format;
    int sheetIndex;
    int rowsTotal;
    /** The sheets to read, in order; empty for an import stored before sheets were planned (read sheetIndex). */
    java.util.List<Integer> sheetsRead = java.util.List.of();
    /** The mapping of each layout, by its key, as {@link ColumnMapping#text} wrote it. */
    java.util.Map<String, String> mappings = java.util.Map.of();

    Caller caller;
    /** What the preview checked the staged rows against ({@link CheckDigest}); null before a preview. */
    String checkedWith;
    /** How many rows the preview staged; null before a preview (or for one made before V280). */
    Integer stagedCount;
}
