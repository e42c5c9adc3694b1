package vn.cungem.student.importing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;

/**
 * A file becomes an import: refused before anything is stored when it is not a readable list, stored in the database
 * (so any node can carry on), then checked now when small or queued for the worker when large.
 */
@Component
class ImportUploads {

    private final ImportAccess access;
    private final ImportJobStore store;
    private final ImportJobStates states;
    private final ImportClaims claims;
    private final ImportRuns runs;
    private final TransactionTemplate transaction;
    private final ImportTexts texts;

    ImportUploads(
            ImportAccess access,
            ImportJobStore store,
            ImportJobStates states,
            ImportClaims claims,
            ImportRuns runs,
            ImportTexts texts,
            PlatformTransactionManager transactions) {
        this.access = access;
        this.store = store;
        this.states = states;
        this.claims = claims;
        this.runs = runs;
        this.texts = texts;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores the file as a new import and checks it (now when small, in the background when large). The same upload
     * retried (same idempotency key, or when none is given the same file from the same person) returns the import it
     * created.
     */
    ImportJob upload(long campaignId, String fileName, byte[] content, String idempotencyKey, Caller caller) {
        access.requireImporter(campaignId, caller);
        SpreadsheetReader.Format format = SpreadsheetReader.check(content);
        String sha = sha256(content);
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? "sha256:" + sha
                : idempotencyKey
                        .strip()
                        .substring(0, Math.min(100, idempotencyKey.strip().length()));
        Optional<Long> existing = store.byKey(campaignId, caller, key);
        if (existing.isPresent()) {
            return access.get(existing.get(), caller);
        }
        List<SheetInfo> sheets = SpreadsheetReader.sheets(content, format);
        List<SheetInfo> withRows = sheets.stream().filter(s -> s.rows() > 0).toList();
        if (withRows.isEmpty()) {
            throw new ImportRejectedException(
                    texts.vi("studentImport.rejected.noRows"), texts.en("studentImport.rejected.noRows"));
        }
        SheetInfo only = withRows.size() == 1 ? withRows.get(0) : null;
        Status status = only == null ? Status.UPLOADED : Status.VALIDATING;
        boolean inline = only != null && inline(only.rows());
        ImportJobStore.NewImport upload = new ImportJobStore.NewImport(
                campaignId,
                caller,
                key,
                safeName(fileName),
                format,
                content,
                sha,
                sheets,
                only,
                status,
                inline ? claims.node() : null,
                OffsetDateTime.now(ZoneOffset.UTC));
        long id;
        try {
            id = transaction.execute(tx -> {
                store.insert(upload);
                return store.byKey(campaignId, caller, key).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            // The same upload arrived twice at once; the other request created the import.
            return access.get(store.byKey(campaignId, caller, key).orElseThrow(), caller);
        }
        if (inline) {
            runs.runValidation(id);
        }
        return access.get(id, caller);
    }

    /** For a workbook with several sheets: the person picks the one with the list. */
    ImportJob chooseSheet(long campaignId, long importId, int sheetIndex, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.status() != Status.UPLOADED && job.status() != Status.PREVIEW) {
            throw job.notNow();
        }
        SheetInfo sheet = job.sheets().stream()
                .filter(s -> s.index() == sheetIndex)
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "student-import.sheet",
                        texts.vi("studentImport.rejected.noSheet"),
                        texts.en("studentImport.rejected.noSheet")));
        boolean inline = inline(sheet.rows());
        if (states.sheetChosen(importId, sheet, inline ? claims.node() : null) && inline) {
            runs.runValidation(importId);
        }
        return access.get(importId, caller);
    }

    /** Whether a sheet of this many rows is checked during the request. */
    static boolean inline(int rows) {
        return rows <= StudentImports.INLINE_ROWS + StudentSheet.HEADER_SEARCH_ROWS;
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "tep-tai-len" : VietnameseText.tidy(fileName);
        name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
