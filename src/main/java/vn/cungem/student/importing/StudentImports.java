package vn.cungem.student.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.Campaign;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Gender;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.importing.ImportJob.Status;

/**
 * Spreadsheet imports into the needs registry: upload ({@link ImportUploads}), check every row without writing
 * anything ({@link ImportRuns}), show the result, then write all valid rows in one transaction or discard. Files of
 * more than {@link #INLINE_ROWS} rows are checked and written by {@link ImportWorker} on whichever node claims them
 * ({@link ImportClaims}). Who may do what is {@link ImportAccess}'.
 */
@Service
public class StudentImports {

    public static final String ENTITY = "student_import";
    /** Up to this many rows a file is checked and written during the request; larger ones go to the worker. */
    public static final int INLINE_ROWS = 2_000;

    /** One row of the preview: its number in the file, its outcome and why. */
    public record RowProblem(int row, String outcome, String name, String reasonsVi, String reasonsEn) {}

    public record ProblemPage(List<RowProblem> rows, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    private final ImportAccess access;
    private final ImportUploads uploads;
    private final ImportJobStore store;
    private final ImportJobStates states;
    private final ImportClaims claims;
    private final ImportRuns runs;
    private final ImportProblems problems;

    StudentImports(
            ImportAccess access,
            ImportUploads uploads,
            ImportJobStore store,
            ImportJobStates states,
            ImportClaims claims,
            ImportRuns runs,
            ImportProblems problems) {
        this.access = access;
        this.uploads = uploads;
        this.store = store;
        this.states = states;
        this.claims = claims;
        this.runs = runs;
        this.problems = problems;
    }

    /** The Excel template, with the campaign's categories and the caller's schools to choose from. */
    public void template(long campaignId, Caller caller, OutputStream out) throws IOException {
        Campaign campaign = access.requireImporter(campaignId, caller);
        List<SchoolRef> schools = access.schools(campaign, caller);
        StudentTemplate.School own = null;
        if (caller.scope().kind() == Scope.Kind.SCHOOL && !schools.isEmpty()) {
            own = new StudentTemplate.School(
                    schools.get(0).moetCode(), schools.get(0).name());
        }
        StudentTemplate.write(
                new StudentTemplate.Spec(
                        campaign.name(),
                        Arrays.stream(Gender.values()).map(Gender::labelVi).toList(),
                        campaign.spec().categories().stream()
                                .map(c -> c.nameVi())
                                .toList(),
                        Arrays.stream(DeviceSituation.values())
                                .map(DeviceSituation::labelVi)
                                .toList(),
                        Arrays.stream(Connectivity.values())
                                .map(Connectivity::labelVi)
                                .toList(),
                        List.of(Bundles.vi("studentImport.template.needs").split("\\|")),
                        schools.stream()
                                .map(s -> new StudentTemplate.School(s.moetCode(), s.name()))
                                .toList(),
                        own),
                out);
    }

    /** See {@link ImportUploads#upload}. */
    public ImportJob upload(long campaignId, String fileName, byte[] content, String idempotencyKey, Caller caller) {
        return uploads.upload(campaignId, fileName, content, idempotencyKey, caller);
    }

    /** For a workbook with several sheets: the person picks the one with the list. */
    public ImportJob chooseSheet(long campaignId, long importId, int sheetIndex, Caller caller) {
        return uploads.chooseSheet(campaignId, importId, sheetIndex, caller);
    }

    /** The mapping step: which field each column of the pending sheet holds; see {@link ImportUploads#confirmColumns}. */
    public ImportJob confirmColumns(long campaignId, long importId, Map<Integer, String> choices, Caller caller) {
        return uploads.confirmColumns(campaignId, importId, choices, caller);
    }

    /** From the preview back to the mapping step, to read a column otherwise; see {@link ImportUploads#changeColumns}. */
    public ImportJob changeColumns(long campaignId, long importId, Integer sheetIndex, Caller caller) {
        return uploads.changeColumns(campaignId, importId, sheetIndex, caller);
    }

    /** Writes the valid rows (now when small, else in the background); only from PREVIEW. */
    public ImportJob commit(long campaignId, long importId, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.status() == Status.COMMITTING || job.status() == Status.COMMITTED) {
            return job; // a retried commit
        }
        if (job.status() != Status.PREVIEW) {
            throw job.notNow();
        }
        boolean inline = ImportUploads.inline(job.rowsTotal());
        if (states.commitRequested(importId, inline ? claims.node() : null) && inline) {
            runs.runCommit(importId);
        }
        return access.get(importId, caller);
    }

    /** Drops the import and the file (children's data is not kept for nothing); nothing was written. */
    public ImportJob discard(long campaignId, long importId, Caller caller) {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.status() == Status.DISCARDED) {
            return job;
        }
        if (job.status() != Status.UPLOADED
                && job.status() != Status.COLUMNS
                && job.status() != Status.PREVIEW
                && job.status() != Status.FAILED) {
            throw job.notNow();
        }
        states.discard(importId);
        return access.get(importId, caller);
    }

    /** Who may import into a campaign: its school officers (for their school) and managers who see it. */
    Campaign requireImporter(long campaignId, Caller caller) {
        return access.requireImporter(campaignId, caller);
    }

    public ImportJob get(long importId, Caller caller) {
        return access.get(importId, caller);
    }

    public ImportJob require(long campaignId, long importId, Caller caller) {
        return access.require(campaignId, importId, caller);
    }

    /** The campaign's imports this caller may see, newest first. */
    public List<ImportJob> list(long campaignId, Caller caller) {
        access.requireImporter(campaignId, caller);
        List<ImportJob> out = new ArrayList<>();
        for (Long id : store.newest(campaignId)) {
            try {
                out.add(access.get(id, caller));
            } catch (NotFoundException e) {
                // someone else's import
            }
        }
        return out;
    }

    /** Rows with errors first, then warnings, each in file order. */
    public ProblemPage problems(long campaignId, long importId, String outcome, int page, int size, Caller caller) {
        access.require(campaignId, importId, caller);
        return problems.page(importId, outcome, page, size);
    }

    /** The uploaded file with two more columns: the outcome of each row and why. */
    public void annotated(long campaignId, long importId, Caller caller, OutputStream out) throws IOException {
        ImportJob job = access.require(campaignId, importId, caller);
        if (job.sheetIndex() == null || job.status() == Status.DISCARDED) {
            throw job.notNow();
        }
        // the sheets read, in the order their rows were numbered; an import stored before sheets were planned read one
        List<Integer> read = job.sheetsRead().isEmpty() ? List.of(job.sheetIndex()) : job.sheetsRead();
        AnnotatedCopy.write(
                store.content(importId),
                read.stream()
                        .map(index -> job.sheets().stream()
                                .filter(s -> s.index() == index)
                                .findFirst()
                                .orElse(new SpreadsheetReader.SheetInfo(index, String.valueOf(index + 1), 0)))
                        .toList(),
                problems.all(importId),
                job.status() == Status.COMMITTED,
                out);
    }

    // ---------------------------------------------------------------- worker support

    /** Imports waiting for a node: queued, or claimed by a node that stopped renewing its claim. */
    List<Long> waiting() {
        return claims.waiting();
    }

    /** Takes the import for this node when no other node holds a live claim; true when this node got it. */
    boolean claim(long importId) {
        return claims.claim(importId);
    }

    /** Runs whatever the claimed import is waiting for. */
    void work(long importId) {
        String status = claims.status(importId);
        if (status.equals("VALIDATING")) {
            runs.runValidation(importId);
        } else if (status.equals("COMMITTING")) {
            runs.runCommit(importId);
        }
    }

    void runValidation(long importId) {
        runs.runValidation(importId);
    }

    void runCommit(long importId) {
        runs.runCommit(importId);
    }

    ImportRuns.RunResult lastRun() {
        return runs.lastRun();
    }
}
