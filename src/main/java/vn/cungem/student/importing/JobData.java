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
    Caller caller;
}
