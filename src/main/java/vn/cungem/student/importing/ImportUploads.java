package vn.cungem.student.importing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.spreadsheet.HeaderVocabulary;
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
    private final ColumnMemory memory;

    ImportUploads(
            ImportAccess access,
            ImportJobStore store,
            ImportJobStates states,
            ImportClaims claims,
            ImportRuns runs,
            ColumnMemory memory,
            PlatformTransactionManager transactions) {
        this.access = access;
        this.store = store;
        this.states = states;
        this.claims = claims;
        this.runs = runs;
        this.memory = memory;
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
        if (sheets.stream().allMatch(s -> s.rows() == 0)) {
            throw ImportRejectedException.of("studentImport.rejected.noRows");
        }
        ColumnMemory.Owner owner = ColumnMemory.Owner.of(caller);
        ImportPlan plan = ImportPlan.of(
                content, format, sheets, layout -> memory.recall(owner, layout).orElse(null), schoolFixed(caller));
        if (!plan.anyHeader()) {
            throw ImportRejectedException.of("studentImport.rejected.noHeader", HeaderVocabulary.SEARCH_ROWS);
        }
        boolean ask = plan.toConfirm() != null;
        List<Integer> read = plan.sheetsRead();
        SheetInfo first = sheets.stream()
                .filter(s -> s.index() == read.get(0))
                .findFirst()
                .orElseThrow();
        boolean inline = !ask && inline(plan.rows());
        ImportJobStore.NewImport upload = new ImportJobStore.NewImport(
                campaignId,
                caller,
                key,
                safeName(fileName),
                format,
                content,
                sha,
                sheets,
                first,
                ask ? Status.COLUMNS : Status.VALIDATING,
                plan,
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

    /**
     * Reads only this sheet of the workbook (the person picked the one with the list), asking about its columns when
     * they are not known.
     */
    ImportJob chooseSheet(long campaignId, long importId, int sheetIndex, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.status() != Status.UPLOADED && job.status() != Status.PREVIEW && job.status() != Status.COLUMNS) {
            throw job.notNow();
        }
        List<SheetInfo> sheet =
                job.sheets().stream().filter(s -> s.index() == sheetIndex).toList();
        if (sheet.isEmpty()) {
            throw InvalidValueException.of("student-import.sheet", "studentImport.rejected.noSheet");
        }
        ImportJobStore.Layouts known = store.layouts(importId);
        ImportPlan plan = plan(importId, sheet, known.mappings(), caller);
        if (!plan.anyHeader()) {
            throw ImportRejectedException.of("studentImport.rejected.noHeader", HeaderVocabulary.SEARCH_ROWS);
        }
        return next(importId, List.of(Status.UPLOADED, Status.PREVIEW, Status.COLUMNS), plan, known.mappings(), caller);
    }

    /**
     * The person's answer to the mapping step: which field each column of the pending sheet holds ({@code choices}:
     * column index to a field name or IGNORE; columns not named keep what was proposed). The mapping is remembered
     * for the school (or the uploader's unit), then the import goes on: to the next sheet in a layout of its own, or
     * to the check.
     */
    ImportJob confirmColumns(long campaignId, long importId, Map<Integer, String> choices, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.status() == Status.VALIDATING || job.status() == Status.PREVIEW) {
            return job; // a retried confirmation (a double click, a resent request): the import has moved on already
        }
        if (job.status() != Status.COLUMNS) {
            throw job.notNow();
        }
        ImportJobStore.Layouts known = store.layouts(importId);
        ColumnMapping mapping = ColumnMapping.confirmed(known.pending(), choices, schoolFixed(caller));
        memory.remember(ColumnMemory.Owner.of(caller), known.pending(), mapping, caller.accountId());
        Map<String, String> mappings = new LinkedHashMap<>(known.mappings());
        mappings.put(known.pending().key(), mapping.text(known.pending().indexes()));
        List<SheetInfo> sheets = job.sheets().stream()
                .filter(s -> known.sheetsRead().contains(s.index()))
                .toList();
        return next(importId, List.of(Status.COLUMNS), plan(importId, sheets, mappings, caller), mappings, caller);
    }

    /**
     * Back from the preview to the mapping step (the person saw the rows and wants a column read otherwise): the sheet
     * read ({@code sheetIndex}, or the first one read when null) is to be confirmed again, with the mapping the preview
     * used as the proposal; the preview's rows are dropped, and confirming checks the file again with the new mapping.
     * An import already back in COLUMNS answers as it is (a retried request).
     */
    ImportJob changeColumns(long campaignId, long importId, Integer sheetIndex, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.status() == Status.COLUMNS) {
            return job;
        }
        if (job.status() != Status.PREVIEW) {
            throw job.notNow();
        }
        ImportJobStore.Layouts known = store.layouts(importId);
        int index = sheetIndex != null
                ? sheetIndex
                : known.sheetsRead().isEmpty() ? -1 : known.sheetsRead().get(0);
        SheetInfo sheet = job.sheets().stream()
                .filter(s -> s.index() == index && known.sheetsRead().contains(s.index()))
                .findFirst()
                .orElseThrow(() -> InvalidValueException.of("student-import.sheet", "studentImport.rejected.noSheet"));
        JobData data = store.jobData(importId);
        SheetLayout layout = ImportPlan.layout(data.content, data.format, sheet.index());
        if (layout == null) {
            throw ImportRejectedException.of("studentImport.rejected.noHeader", HeaderVocabulary.SEARCH_ROWS);
        }
        String used = known.mappings().get(layout.key());
        ColumnMapping mapping = used == null ? null : ColumnMapping.parse(used, layout.indexes());
        SheetLayout pending = layout.withMapping(mapping != null ? mapping : layout.proposed());
        states.columnsAgain(importId, ImportJobStore.pendingText(new ImportPlan.SheetPlan(sheet, pending, null)));
        return access.get(importId, caller);
    }

    private ImportPlan plan(long importId, List<SheetInfo> sheets, Map<String, String> mappings, Caller caller) {
        JobData data = store.jobData(importId);
        ColumnMemory.Owner owner = ColumnMemory.Owner.of(caller);
        return ImportPlan.of(
                data.content,
                data.format,
                sheets,
                layout -> {
                    String text = mappings.get(layout.key());
                    ColumnMapping mine = text == null ? null : ColumnMapping.parse(text, layout.indexes());
                    return mine != null ? mine : memory.recall(owner, layout).orElse(null);
                },
                schoolFixed(caller));
    }

    private ImportJob next(
            long importId, List<Status> from, ImportPlan plan, Map<String, String> mappings, Caller caller) {
        boolean inline = plan.toConfirm() == null && inline(plan.rows());
        boolean moved = states.planned(importId, from, plan, plan.mappings(mappings), inline ? claims.node() : null);
        if (moved && inline) {
            runs.runValidation(importId);
        }
        return access.get(importId, caller);
    }

    /** A school's officer imports their own school's students: the file needs no school column. */
    static boolean schoolFixed(Caller caller) {
        return caller.scope().kind() == Scope.Kind.SCHOOL;
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
