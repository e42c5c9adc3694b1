package vn.cungem.student.importing;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.jdbc.KeyedLocks;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.Gender;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StudentIdCipher;
import vn.cungem.student.ValidationContext;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.student.importing.SpreadsheetReader.SheetInfo;
import vn.cungem.student.internal.StudentRepository;

/**
 * Spreadsheet imports into the needs registry: upload (kept in the database, so any node can carry on), check every
 * row without writing anything, show the result, then write all valid rows in one transaction or discard. Files of
 * more than {@link #INLINE_ROWS} rows are checked and written by {@link ImportWorker} on whichever node claims them.
 */
@Service
public class StudentImports {

    public static final String ENTITY = "student_import";
    /** Up to this many rows a file is checked and written during the request; larger ones go to the worker. */
    public static final int INLINE_ROWS = 2_000;

    static final java.time.Duration LEASE = java.time.Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(StudentImports.class);

    /** One row of the preview: its number in the file, its outcome and why. */
    public record RowProblem(int row, String outcome, String name, String reasonsVi, String reasonsEn) {}

    public record ProblemPage(List<RowProblem> rows, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final StudentBulkWriter writer;
    private final StudentIdCipher cipher;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final KeyedLocks locks;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

    private final MessageSource messages;

    /** Where each import's reader and matcher run, a bounded number at a time. */
    private final ImportStages stages;

    /** A timer per phase of a run ({@code cungem.import.phase}, import=student), as the map in the log line. */
    private final MeterRegistry meters;

    StudentImports(
            JdbcClient jdbc,
            JdbcTemplate batch,
            Campaigns campaigns,
            UnitScopes scopes,
            StudentBulkWriter writer,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            MessageSource messages,
            ImportStages stages,
            MeterRegistry meters,
            KeyedLocks locks,
            @Value("${cungem.student.id-key}") String idKey) {
        this.messages = messages;
        this.stages = stages;
        this.meters = meters;
        this.locks = locks;
        this.jdbc = jdbc;
        this.batch = batch;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.writer = writer;
        this.cipher = new StudentIdCipher(idKey);
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
    }

    // ---------------------------------------------------------------- access

    /** Who may import into a campaign: its school officers (for their school) and managers who see it. */
    Campaign requireImporter(long campaignId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        boolean role = caller.is(Role.SCHOOL_OFFICER) && caller.scope().kind() == Scope.Kind.SCHOOL
                || caller.is(Role.PROGRAMME_MANAGER)
                || caller.isAdmin();
        if (!role) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        return campaign;
    }

    /** The schools this caller may import students of in this campaign: in the organiser's subtree and their scope. */
    List<SchoolRef> schools(Campaign campaign, Caller caller) {
        Scope scope = caller.scope();
        String filter = scope.kind() == Scope.Kind.SCHOOL
                ? "s.id = " + Long.valueOf(scope.schoolId())
                : scopes.unitFilter(caller, "s.unit_id");
        return jdbc.sql("select s.id, s.unit_id, s.moet_code, s.name, s.school_level from school s"
                        + " where s.retired_on is null and s.unit_id in (select descendant_id from unit_closure"
                        + " where ancestor_id = ?) and " + filter + " order by s.moet_code")
                .param(campaign.organisingUnit().id())
                .query((rs, n) -> new SchoolRef(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), level(rs.getString(5))))
                .list();
    }

    private static SchoolLevel level(String code) {
        try {
            return code == null ? null : SchoolLevel.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- template

    public void template(long campaignId, Caller caller, OutputStream out) throws IOException {
        Campaign campaign = requireImporter(campaignId, caller);
        List<SchoolRef> schools = schools(campaign, caller);
        StudentTemplate.School own = null;
        if (caller.scope().kind() == Scope.Kind.SCHOOL && !schools.isEmpty()) {
            own = new StudentTemplate.School(
                    schools.get(0).moetCode(), schools.get(0).name());
        }
        StudentTemplate.write(
                new StudentTemplate.Spec(
                        campaign.name(),
                        java.util.Arrays.stream(Gender.values())
                                .map(Gender::labelVi)
                                .toList(),
                        campaign.spec().categories().stream()
                                .map(c -> c.nameVi())
                                .toList(),
                        java.util.Arrays.stream(DeviceSituation.values())
                                .map(DeviceSituation::labelVi)
                                .toList(),
                        java.util.Arrays.stream(Connectivity.values())
                                .map(Connectivity::labelVi)
                                .toList(),
                        List.of(
                                "Thiết bị",
                                "Thiết bị; SIM",
                                "Thiết bị; SIM; gói cước",
                                "Thiết bị; Wi-Fi",
                                "SIM; gói cước"),
                        schools.stream()
                                .map(s -> new StudentTemplate.School(s.moetCode(), s.name()))
                                .toList(),
                        own),
                out);
    }

    // ---------------------------------------------------------------- upload

    /**
     * Stores the file as a new import and checks it (now when small, in the background when large). The file is
     * refused before anything is stored when it is not a readable list. The same upload retried (same idempotency key,
     * or when none is given the same file from the same person) returns the import it created.
     */
    public ImportJob upload(long campaignId, String fileName, byte[] content, String idempotencyKey, Caller caller) {
        requireImporter(campaignId, caller);
        SpreadsheetReader.Format format = SpreadsheetReader.check(content);
        String sha = sha256(content);
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? "sha256:" + sha
                : idempotencyKey
                        .strip()
                        .substring(0, Math.min(100, idempotencyKey.strip().length()));
        Optional<Long> existing = byKey(campaignId, caller, key);
        if (existing.isPresent()) {
            return get(existing.get(), caller);
        }
        List<SheetInfo> sheets = SpreadsheetReader.sheets(content, format);
        List<SheetInfo> withRows = sheets.stream().filter(s -> s.rows() > 0).toList();
        if (withRows.isEmpty()) {
            throw new ImportRejectedException("Tệp không có dòng nào.", "The file has no rows.");
        }
        SheetInfo only = withRows.size() == 1 ? withRows.get(0) : null;
        Status status = only == null ? Status.UPLOADED : Status.VALIDATING;
        boolean inline = only != null && only.rows() <= INLINE_ROWS + StudentSheet.HEADER_SEARCH_ROWS;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id;
        try {
            id = transaction.execute(tx -> {
                jdbc.sql("""
                                insert into student_import (campaign_id, uploaded_by_account_id, uploaded_by_name,
                                    uploader_role, scope_kind, scope_unit_id, scope_school_id, idempotency_key,
                                    file_name, file_format, file_size, file_sha256, content, sheets, sheet_index,
                                    status, rows_total, claimed_by, claimed_at, created_at, updated_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                campaignId,
                                caller.accountId(),
                                caller.displayName() == null ? "" : caller.displayName(),
                                caller.role() == null ? null : caller.role().name(),
                                caller.scope().kind().name(),
                                caller.scope().unitId(),
                                caller.scope().schoolId(),
                                key,
                                safeName(fileName),
                                format.name(),
                                content.length,
                                sha,
                                content,
                                sheetsText(sheets),
                                only == null ? null : only.index(),
                                status.name(),
                                only == null ? 0 : studentsIn(only),
                                inline ? node : null,
                                inline ? now : null,
                                now,
                                now)
                        .update();
                return byKey(campaignId, caller, key).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            // The same upload arrived twice at once; the other request created the import.
            return get(byKey(campaignId, caller, key).orElseThrow(), caller);
        }
        if (inline) {
            runValidation(id);
        }
        return get(id, caller);
    }

    /** For a workbook with several sheets: the person picks the one with the list. */
    public ImportJob chooseSheet(long campaignId, long importId, int sheetIndex, Caller caller) {
        ImportJob job = require(campaignId, importId, caller);
        if (job.status() != Status.UPLOADED && job.status() != Status.PREVIEW) {
            throw notNow(job);
        }
        SheetInfo sheet = job.sheets().stream()
                .filter(s -> s.index() == sheetIndex)
                .findFirst()
                .orElseThrow(() -> new InvalidValueException(
                        "student-import.sheet", "Tệp không có trang tính này.", "The file has no such sheet."));
        boolean inline = sheet.rows() <= INLINE_ROWS + StudentSheet.HEADER_SEARCH_ROWS;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int changed = jdbc.sql("""
                        update student_import set sheet_index = ?, status = 'VALIDATING', rows_total = ?, rows_done = 0,
                               claimed_by = ?, claimed_at = ?, updated_at = ?, version = version + 1
                         where id = ? and status in ('UPLOADED', 'PREVIEW')""")
                .params(sheet.index(), studentsIn(sheet), inline ? node : null, inline ? now : null, now, importId)
                .update();
        if (changed == 1) {
            jdbc.sql("delete from student_import_row where import_id = ?")
                    .param(importId)
                    .update();
            if (inline) {
                runValidation(importId);
            }
        }
        return get(importId, caller);
    }

    // ---------------------------------------------------------------- commit / discard

    /** Writes the valid rows (now when small, else in the background); only from PREVIEW. */
    public ImportJob commit(long campaignId, long importId, Caller caller) {
        ImportJob job = require(campaignId, importId, caller);
        if (job.status() == Status.COMMITTING || job.status() == Status.COMMITTED) {
            return job; // a retried commit
        }
        if (job.status() != Status.PREVIEW) {
            throw notNow(job);
        }
        boolean inline = job.rowsTotal() <= INLINE_ROWS + StudentSheet.HEADER_SEARCH_ROWS;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int changed = jdbc.sql("""
                        update student_import set status = 'COMMITTING', rows_done = 0, claimed_by = ?,
                               claimed_at = ?, updated_at = ?, version = version + 1
                         where id = ? and status = 'PREVIEW'""")
                .params(inline ? node : null, inline ? now : null, now, importId)
                .update();
        if (changed == 1 && inline) {
            runCommit(importId);
        }
        return get(importId, caller);
    }

    /** Drops the import and the file (children's data is not kept for nothing); nothing was written. */
    public ImportJob discard(long campaignId, long importId, Caller caller) {
        ImportJob job = require(campaignId, importId, caller);
        if (job.status() == Status.DISCARDED) {
            return job;
        }
        if (job.status() != Status.UPLOADED && job.status() != Status.PREVIEW && job.status() != Status.FAILED) {
            throw notNow(job);
        }
        transaction.executeWithoutResult(tx -> {
            int changed = jdbc.sql("""
                            update student_import set status = 'DISCARDED', idempotency_key = null, content = ?,
                                   updated_at = ?, version = version + 1
                             where id = ? and status in ('UPLOADED', 'PREVIEW', 'FAILED')""")
                    .params(new byte[0], OffsetDateTime.now(ZoneOffset.UTC), importId)
                    .update();
            if (changed == 1) {
                jdbc.sql("delete from student_import_row where import_id = ?")
                        .param(importId)
                        .update();
            }
        });
        return get(importId, caller);
    }

    // ---------------------------------------------------------------- reading

    public ImportJob get(long importId, Caller caller) {
        ImportJob job = load(importId).orElseThrow(() -> new NotFoundException(ENTITY, importId));
        requireSees(job, caller);
        return job;
    }

    public ImportJob require(long campaignId, long importId, Caller caller) {
        ImportJob job = get(importId, caller);
        if (job.campaignId() != campaignId) {
            throw new NotFoundException(ENTITY, importId);
        }
        requireImporter(campaignId, caller);
        return job;
    }

    /**
     * The uploader sees their import; so do managers whose scope covers the uploader's (a district manager follows
     * its schools' imports) and administrators. Everyone else gets the 404 of a missing import.
     */
    private void requireSees(ImportJob job, Caller caller) {
        Map<String, Object> owner = jdbc.sql("select uploaded_by_account_id, scope_kind, scope_unit_id,"
                        + " scope_school_id from student_import where id = ?")
                .param(job.id())
                .query()
                .singleRow();
        Object account = owner.get("uploaded_by_account_id");
        boolean mine =
                account != null && caller.accountId() != null && ((Number) account).longValue() == caller.accountId();
        boolean above = caller.isAdmin()
                || (caller.is(Role.PROGRAMME_MANAGER)
                        && owner.get("scope_unit_id") != null
                        && scopes.covers(caller, ((Number) owner.get("scope_unit_id")).longValue()));
        if (!mine && !above) {
            throw new NotFoundException(ENTITY, job.id());
        }
    }

    /** The campaign's imports this caller may see, newest first. */
    public List<ImportJob> list(long campaignId, Caller caller) {
        requireImporter(campaignId, caller);
        List<Long> ids = jdbc.sql(
                        "select id from student_import where campaign_id = ? order by created_at desc, id desc limit 200")
                .param(campaignId)
                .query(Long.class)
                .list();
        List<ImportJob> out = new ArrayList<>();
        for (Long id : ids) {
            try {
                out.add(get(id, caller));
            } catch (NotFoundException e) {
                // someone else's import
            }
        }
        return out;
    }

    /** Rows with errors first, then warnings, each in file order. */
    public ProblemPage problems(long campaignId, long importId, String outcome, int page, int size, Caller caller) {
        require(campaignId, importId, caller);
        int safeSize = Math.max(1, Math.min(size, 500));
        int safePage = Math.max(0, page);
        String filter = "ERROR".equals(outcome) || "WARNING".equals(outcome) ? " and outcome = '" + outcome + "'" : "";
        long total = jdbc.sql("select count(*) from student_import_row where import_id = ?" + filter)
                .param(importId)
                .query(Long.class)
                .single();
        List<RowProblem> rows = jdbc.sql("select row_number, outcome, full_name, reasons_vi, reasons_en"
                        + " from student_import_row where import_id = ?" + filter
                        + " order by case when outcome = 'ERROR' then 0 else 1 end, row_number limit ? offset ?")
                .params(importId, safeSize, (long) safePage * safeSize)
                .query((rs, n) -> new RowProblem(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        return new ProblemPage(rows, safePage, safeSize, total);
    }

    /** The uploaded file with two more columns: the outcome of each row and why. */
    public void annotated(long campaignId, long importId, Caller caller, OutputStream out) throws IOException {
        ImportJob job = require(campaignId, importId, caller);
        if (job.sheetIndex() == null || job.status() == Status.DISCARDED) {
            throw notNow(job);
        }
        byte[] content = content(importId);
        Map<Integer, RowProblem> problems = new HashMap<>();
        jdbc.sql("select row_number, outcome, full_name, reasons_vi, reasons_en from student_import_row"
                        + " where import_id = ?")
                .param(importId)
                .query((rs, n) -> new RowProblem(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list()
                .forEach(p -> problems.put(p.row(), p));
        AnnotatedCopy.write(content, job.sheetIndex(), problems, job.status() == Status.COMMITTED, out);
    }

    // ---------------------------------------------------------------- the work

    /** Checks every row and records the outcome; nothing is written to {@code student}. Runs under this node's claim. */
    void runValidation(long importId) {
        run(importId, Status.VALIDATING, false);
    }

    /** Checks again (the registry may have changed since the preview) and writes the valid rows, all or none. */
    void runCommit(long importId) {
        run(importId, Status.COMMITTING, true);
    }

    /** What a run found, with the time of each phase (the benchmark prints them). */
    record RunResult(Map<String, Long> timingsMs, int rows, int inserted, int updated) {}

    private volatile RunResult lastRun;

    RunResult lastRun() {
        return lastRun;
    }

    private void run(long importId, Status expected, boolean write) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long begin = System.nanoTime();
        long t = begin;
        JobData job = jobData(importId);
        if (job == null || job.status != expected) {
            return;
        }
        try {
            Campaign campaign = campaigns.get(job.campaignId, job.caller);
            List<SchoolRef> schools = schools(campaign, job.caller);
            ValidationContext context = context(campaign, schools, job.caller);
            java.util.Set<Long> allowed = new java.util.HashSet<>();
            schools.forEach(s -> allowed.add(s.id()));
            ImportCheck check = new ImportCheck(context, cipher, allowed::contains, job.campaignId, importId);
            t = lap(timings, "setup", t);

            Instant now = Instant.now();
            Tally tally = new Tally();
            // Rows are read and checked on one thread and matched on another (in short transactions of its own, in file
            // order) while this one writes the chunks before them.
            ImportCheck.Repeats repeats = new ImportCheck.Repeats(job.rowsTotal);
            Map<Long, Integer> claimed = new HashMap<>();
            java.util.function.Consumer<List<CheckedRow>> matchChunk = chunk -> transaction.executeWithoutResult(tx -> {
                repeats.mark(chunk);
                match(job.campaignId, chunk, allowed, claimed);
            });
            try (CheckedChunks chunks =
                    CheckedChunks.start(stages, job, check, done -> progress(importId, done), matchChunk)) {
                transaction.executeWithoutResult(tx -> {
                    long m = System.nanoTime();
                    if (write) {
                        // One import at a time per campaign, so two files cannot both insert the same child. The
                        // registry is matched only once the lock is held: a file committed just before is then seen.
                        // Student's own lock table (V100), not the campaign row that donation's cash work uses.
                        locks.lock("student_lock", job.campaignId, "import");
                    }
                    chunks.go();
                    // Every id this import is given comes after the highest one now (ids only grow), which finds the
                    // new students again for their history below by the primary key, not by a scan of the registry.
                    long idsAfter = write
                            ? jdbc.sql("select coalesce(max(id), 0) from student")
                                    .query(Long.class)
                                    .single()
                            : 0;
                    List<StudentRow> updates = new ArrayList<>();
                    for (List<CheckedRow> chunk; (chunk = chunks.next()) != null; ) {
                        m = lap(timings, "wait for rows", m);
                        if (write) {
                            List<StudentRow> inserts = new ArrayList<>(chunk.size());
                            for (CheckedRow r : chunk) {
                                if (r.writable()) {
                                    if (r.studentId == null) {
                                        inserts.add(r.row);
                                    } else {
                                        updates.add(withId(r.row, r.studentId));
                                    }
                                }
                            }
                            writer.insertStudents(inserts, now);
                            tally.inserted += inserts.size();
                            m = lap(timings, "write", m);
                        }
                        tally.add(importId, chunk);
                    }
                    tally.ignoredHeaders = chunks.ignoredHeaders();
                    tally.missingColumns = chunks.missingColumns();
                    if (tally.rows == 0) {
                        throw new ImportRejectedException(
                                "Trang tính không có học sinh nào dưới dòng tiêu đề.",
                                "The sheet has no students below its header.");
                    }
                    if (write) {
                        // The first line of each new student's status history, as a registration by hand has.
                        jdbc.sql("""
                                        insert into student_status_change (student_id, from_status, to_status, reason,
                                                                           account_id, changed_by_name, changed_at)
                                        select id, null, 'REGISTERED', ?, ?, ?, ? from student
                                         where id > ? and source_import_id = ?""")
                                .params(
                                        cut("Nhập từ tệp " + job.fileName, 500),
                                        job.caller.accountId(),
                                        StudentRepository.changedByName(job.caller),
                                        now.atOffset(ZoneOffset.UTC),
                                        idsAfter,
                                        importId)
                                .update();
                        m = lap(timings, "history", m);
                        writer.updateStudents(updates, now);
                        tally.updated = updates.size();
                        m = lap(timings, "write", m);
                        events.publishEvent(new DomainChange(
                                "StudentImport",
                                String.valueOf(importId),
                                "COMMITTED",
                                campaign.organisingUnit().id(),
                                Map.of(),
                                Map.of(
                                        "campaignId",
                                        job.campaignId,
                                        "file",
                                        job.fileName,
                                        "inserted",
                                        tally.inserted,
                                        "updated",
                                        tally.updated),
                                null));
                    }
                    saveOutcome(importId, tally, write ? Status.COMMITTED : Status.PREVIEW);
                    lap(timings, "record", m);
                });
                timings.put("read+check, alongside", chunks.readMillis());
                timings.put("match, alongside", chunks.matchMillis());
            }
            timings.put("total", (System.nanoTime() - begin) / 1_000_000);
            lastRun = new RunResult(timings, tally.rows, tally.inserted, tally.updated);
            log.info("Student import {} {}: {} rows, phases (ms) {}", importId, expected, tally.rows, timings);
        } catch (InvalidValueException e) {
            fail(importId, e.messageVi(), e.messageEn());
        } catch (vn.cungem.shared.spreadsheet.SpreadsheetBusyException e) {
            fail(
                    importId,
                    vn.cungem.shared.spreadsheet.SpreadsheetBusyException.MESSAGE_VI + " Chưa ghi gì.",
                    vn.cungem.shared.spreadsheet.SpreadsheetBusyException.MESSAGE_EN + " Nothing was written.");
        } catch (RuntimeException e) {
            log.error("Student import {} failed", importId, e);
            fail(
                    importId,
                    "Không xử lý được tệp do lỗi hệ thống; chưa ghi gì. Hãy thử lại hoặc báo quản trị viên.",
                    "The file could not be processed because of a system error; nothing was written. Try again"
                            + " or tell an administrator.");
        }
    }

    private long lap(Map<String, Long> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.merge(phase, (now - since) / 1_000_000, Long::sum);
        vn.cungem.shared.ImportTimers.record(meters, "student", phase, now - since);
        return now;
    }

    /** What a run found, counted chunk by chunk; only the rows to show in the preview (not OK) are kept. */
    private static final class Tally {
        int rows;
        int ok;
        int warnings;
        int errors;
        int duplicates;
        int likely;
        int inserted;
        int updated;
        List<String> ignoredHeaders = List.of();
        List<StudentColumn> missingColumns = List.of();
        final List<Object[]> problems = new ArrayList<>();

        void add(long importId, List<CheckedRow> chunk) {
            for (CheckedRow r : chunk) {
                rows++;
                switch (r.outcome) {
                    case OK -> ok++;
                    case WARNING -> warnings++;
                    case ERROR -> errors++;
                }
                if (r.outcome != CheckedRow.Outcome.ERROR && r.studentId != null) {
                    duplicates++;
                }
                if (r.likelyDuplicate && r.outcome != CheckedRow.Outcome.ERROR) {
                    likely++;
                }
                if (r.outcome != CheckedRow.Outcome.OK) {
                    problems.add(new Object[] {
                        importId,
                        r.number,
                        r.outcome.name(),
                        cut(r.name, 200),
                        cut(r.reasonsVi(), 2000),
                        cut(r.reasonsEn(), 2000)
                    });
                }
            }
        }
    }

    /**
     * Finds the students the rows already are: in this campaign (exact key, or same school, name and birth date) the
     * row updates that student; elsewhere an exact key is refused (the registry never holds a child twice) and a likely
     * match is a warning for a person to confirm after commit (merge or keep apart). Runs a chunk at a time, in file
     * order, on a connection of its own: it sees the registry as committed, without this import's own new students (a
     * repeat within the file is {@link ImportCheck.Repeats}' to report). {@code claimed} carries the students that
     * earlier chunks already matched.
     */
    private void match(
            long campaignId, List<CheckedRow> rows, java.util.Set<Long> allowed, Map<Long, Integer> claimed) {
        List<StudentBulkWriter.Key> keys = new ArrayList<>(rows.size());
        Map<Integer, CheckedRow> byNumber = new HashMap<>(rows.size() * 2);
        for (CheckedRow r : rows) {
            if (r.key != null && r.outcome != CheckedRow.Outcome.ERROR) {
                keys.add(r.key);
                byNumber.put(r.number, r);
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        List<KeyMatch> matches = writer.matches(keys);

        Map<Integer, List<KeyMatch>> perRow = new HashMap<>();
        for (KeyMatch m : matches) {
            perRow.computeIfAbsent(m.row(), x -> new ArrayList<>()).add(m);
        }
        List<Integer> order = new ArrayList<>(perRow.keySet());
        java.util.Collections.sort(order);
        for (Integer number : order) {
            CheckedRow r = byNumber.get(number);
            List<KeyMatch> found = perRow.get(number);
            java.util.Set<Long> targets = new java.util.TreeSet<>();
            KeyMatch elsewhere = null;
            KeyMatch likelyElsewhere = null;
            for (KeyMatch m : found) {
                boolean here = m.campaignId() == campaignId;
                if (here && (m.kind().equals("EXACT") || m.kind().equals("SCHOOL"))) {
                    targets.add(m.studentId());
                } else if (m.kind().equals("EXACT")) {
                    elsewhere = m;
                } else {
                    likelyElsewhere = m;
                }
            }
            if (elsewhere != null && !allowed.contains(elsewhere.schoolId())) {
                // outside the importer's schools: only that the child is registered, never where (issue 9, finding 8)
                r.error(
                        text("student.duplicate.elsewhere", VIETNAMESE),
                        text("student.duplicate.elsewhere", Locale.ENGLISH));
                continue;
            }
            if (elsewhere != null) {
                r.error(
                        "Học sinh này (cùng số định danh hoặc mã học sinh) đã có trong chương trình "
                                + elsewhere.campaignCode() + ", trường " + elsewhere.schoolName()
                                + "; không đăng ký lại",
                        "This student (same personal ID or student code) is already registered in campaign "
                                + elsewhere.campaignCode() + ", school " + elsewhere.schoolName());
                continue;
            }
            if (targets.size() > 1) {
                r.error(
                        "Dòng khớp với " + targets.size() + " học sinh đã có; hãy kiểm tra số định danh, mã học sinh",
                        "The row matches " + targets.size() + " registered students; check the ID and student code");
                continue;
            }
            if (targets.size() == 1) {
                long id = targets.iterator().next();
                KeyMatch m = found.stream()
                        .filter(x -> x.studentId() == id)
                        .findFirst()
                        .orElseThrow();
                Integer earlier = claimed.putIfAbsent(id, number);
                if (earlier != null) {
                    r.error(
                            "Cùng học sinh với dòng " + earlier + " (đã có trong danh sách)",
                            "The same student as row " + earlier + " (already registered)");
                    continue;
                }
                if (!allowed.contains(m.schoolId())) {
                    r.error(
                            text("student.duplicate.elsewhere", VIETNAMESE),
                            text("student.duplicate.elsewhere", Locale.ENGLISH));
                    continue;
                }
                r.studentId = id;
                if (!m.status().equals("REGISTERED") && !m.status().equals("RETURNED")) {
                    r.skip = true;
                    r.warning(
                            "Học sinh đã có trong danh sách và đã được đề xuất hoặc xét duyệt; không cập nhật từ tệp",
                            "Already registered and proposed or decided; the file does not change them");
                }
                continue;
            }
            if (likelyElsewhere != null && !allowed.contains(likelyElsewhere.schoolId())) {
                r.likelyDuplicate = true;
                r.warning(
                        text("student.duplicate.likelyElsewhere.import", VIETNAMESE),
                        text("student.duplicate.likelyElsewhere.import", Locale.ENGLISH));
            } else if (likelyElsewhere != null) {
                r.likelyDuplicate = true;
                r.warning(
                        "Có thể trùng với học sinh đã đăng ký ở trường " + likelyElsewhere.schoolName()
                                + " (chương trình " + likelyElsewhere.campaignCode()
                                + "): cùng họ tên, ngày sinh và trường hoặc SĐT. Sau khi ghi, hãy xem và gộp nếu"
                                + " đúng là một người",
                        "Possibly the same child as one registered at " + likelyElsewhere.schoolName() + " (campaign "
                                + likelyElsewhere.campaignCode() + "); after commit, review and merge if so");
            }
        }
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static StudentRow withId(StudentRow r, long id) {
        return new StudentRow(
                id,
                r.campaignId(),
                r.schoolId(),
                r.unitId(),
                r.fullName(),
                r.nameFolded(),
                r.nameSort(),
                r.birthDate(),
                r.gender(),
                r.personalIdCipher(),
                r.personalIdHash(),
                r.moetCode(),
                r.grade(),
                r.className(),
                r.homeUnitId(),
                r.address(),
                r.guardianName(),
                r.guardianPhone(),
                r.categories(),
                r.deviceSituation(),
                r.connectivity(),
                r.needsDevice(),
                r.needsSim(),
                r.needsData(),
                r.needsWifi(),
                r.notes(),
                r.priorityScore(),
                r.sourceImportId(),
                r.sourceRow());
    }

    private void saveOutcome(long importId, Tally tally, Status status) {
        List<Object[]> problems = tally.problems;
        jdbc.sql("delete from student_import_row where import_id = ?")
                .param(importId)
                .update();
        if (!problems.isEmpty()) {
            batch.batchUpdate(
                    "insert into student_import_row (import_id, row_number, outcome, full_name, reasons_vi,"
                            + " reasons_en) values (?, ?, ?, ?, ?, ?)",
                    problems);
        }
        jdbc.sql("""
                        update student_import set status = ?, rows_done = ?, rows_total = ?, ok_count = ?,
                               warning_count = ?, error_count = ?, duplicate_count = ?, likely_duplicate_count = ?,
                               inserted_count = ?, updated_count = ?, ignored_headers = ?, missing_columns = ?,
                               claimed_by = null, claimed_at = null,
                               failure_vi = null, failure_en = null, updated_at = ?, version = version + 1
                         where id = ?""")
                .params(
                        status.name(),
                        tally.rows,
                        tally.rows,
                        tally.ok,
                        tally.warnings,
                        tally.errors,
                        tally.duplicates,
                        tally.likely,
                        tally.inserted,
                        tally.updated,
                        cut(String.join("\n", tally.ignoredHeaders), 2000),
                        String.join(
                                ",",
                                tally.missingColumns.stream().map(Enum::name).toList()),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        importId)
                .update();
    }

    private void progress(long importId, int done) {
        // Its own short transaction, so the page sees it while the work goes on.
        transaction.executeWithoutResult(
                tx -> jdbc.sql("update student_import set rows_done = ?, claimed_at = ?" + " where id = ?")
                        .params(done, OffsetDateTime.now(ZoneOffset.UTC), importId)
                        .update());
    }

    private void fail(long importId, String vi, String en) {
        TransactionTemplate fresh = new TransactionTemplate(transaction.getTransactionManager());
        fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        fresh.executeWithoutResult(tx -> jdbc.sql("""
                        update student_import set status = 'FAILED', failure_vi = ?, failure_en = ?,
                               idempotency_key = null, claimed_by = null, claimed_at = null, updated_at = ?,
                               version = version + 1
                         where id = ?""")
                .params(cut(vi, 1000), cut(en, 1000), OffsetDateTime.now(ZoneOffset.UTC), importId)
                .update());
    }

    // ---------------------------------------------------------------- worker support

    /** Imports waiting for a node: queued, or claimed by a node that stopped renewing its claim. */
    List<Long> waiting() {
        return jdbc.sql("""
                        select id from student_import where status in ('VALIDATING', 'COMMITTING')
                           and (claimed_at is null or claimed_at < ?) order by id limit 5""")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minus(LEASE))
                .query(Long.class)
                .list();
    }

    /** Takes the import for this node when no other node holds a live claim; true when this node got it. */
    boolean claim(long importId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return jdbc.sql("""
                                update student_import set claimed_by = ?, claimed_at = ?, version = version + 1
                                 where id = ? and status in ('VALIDATING', 'COMMITTING')
                                   and (claimed_at is null or claimed_at < ?)""").params(node, now, importId, now.minus(LEASE)).update() == 1;
    }

    /** Runs whatever the claimed import is waiting for. */
    void work(long importId) {
        String status = jdbc.sql("select status from student_import where id = ?")
                .param(importId)
                .query(String.class)
                .optional()
                .orElse("");
        if (status.equals("VALIDATING")) {
            runValidation(importId);
        } else if (status.equals("COMMITTING")) {
            runCommit(importId);
        }
    }

    // ---------------------------------------------------------------- helpers

    private ValidationContext context(Campaign campaign, List<SchoolRef> schools, Caller caller) {
        Map<String, SchoolRef> byCode = new HashMap<>(schools.size() * 2);
        schools.forEach(s -> byCode.put(s.moetCode().toUpperCase(Locale.ROOT), s));
        Map<String, Long> communes = new HashMap<>();
        jdbc.sql("select u.id, u.code, u.name from administrative_unit u join unit_closure c on c.descendant_id = u.id"
                        + " where c.ancestor_id = ?")
                .param(campaign.organisingUnit().id())
                .query((rs, n) -> {
                    communes.putIfAbsent(rs.getString(2).toUpperCase(Locale.ROOT), rs.getLong(1));
                    communes.putIfAbsent(VietnameseText.fold(rs.getString(3)), rs.getLong(1));
                    return null;
                })
                .list();
        SchoolRef fixed = caller.scope().kind() == Scope.Kind.SCHOOL && schools.size() == 1 ? schools.get(0) : null;
        return new ValidationContext(
                campaign.spec().categories(),
                code -> Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT))),
                raw -> {
                    Long id = communes.get(raw.strip().toUpperCase(Locale.ROOT));
                    return Optional.ofNullable(id != null ? id : communes.get(VietnameseText.fold(raw)));
                },
                fixed,
                null);
    }

    /** The import's stored file and the uploader as a caller (for a worker on another node). */
    static final class JobData {
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

    JobData jobData(long importId) {
        return jdbc.sql("""
                        select id, campaign_id, status, file_name, file_format, content, sheet_index, rows_total,
                               uploaded_by_account_id, uploaded_by_name, uploader_role, scope_kind, scope_unit_id,
                               scope_school_id
                          from student_import where id = ?""")
                .param(importId)
                .query((rs, n) -> {
                    JobData d = new JobData();
                    d.id = rs.getLong("id");
                    d.campaignId = rs.getLong("campaign_id");
                    d.status = Status.valueOf(rs.getString("status"));
                    d.fileName = rs.getString("file_name");
                    d.content = rs.getBytes("content");
                    d.format = SpreadsheetReader.Format.valueOf(rs.getString("file_format"));
                    d.sheetIndex = rs.getInt("sheet_index");
                    d.rowsTotal = rs.getInt("rows_total");
                    Long account = (Long) rs.getObject("uploaded_by_account_id", Long.class);
                    String role = rs.getString("uploader_role");
                    Scope.Kind kind = Scope.Kind.valueOf(rs.getString("scope_kind"));
                    Long unit = (Long) rs.getObject("scope_unit_id", Long.class);
                    Long school = (Long) rs.getObject("scope_school_id", Long.class);
                    d.caller = new Caller(
                            account,
                            rs.getString("uploaded_by_name"),
                            role == null ? null : Role.valueOf(role),
                            new Scope(kind, unit, school, null));
                    return d;
                })
                .optional()
                .orElse(null);
    }

    private byte[] content(long importId) {
        return jdbc.sql("select content from student_import where id = ?")
                .param(importId)
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    private Optional<Long> byKey(long campaignId, Caller caller, String key) {
        if (caller.accountId() == null) {
            return jdbc.sql("select id from student_import where campaign_id = ? and idempotency_key = ?"
                            + " and uploaded_by_account_id is null")
                    .params(campaignId, key)
                    .query(Long.class)
                    .optional();
        }
        return jdbc.sql("select id from student_import where campaign_id = ? and idempotency_key = ?"
                        + " and uploaded_by_account_id = ?")
                .params(campaignId, key, caller.accountId())
                .query(Long.class)
                .optional();
    }

    Optional<ImportJob> load(long importId) {
        return jdbc.sql("""
                        select id, campaign_id, file_name, file_format, status, uploaded_by_name, sheets, sheet_index,
                               rows_total, rows_done, ok_count, warning_count, error_count, duplicate_count,
                               likely_duplicate_count, inserted_count, updated_count, failure_vi, failure_en,
                               ignored_headers, missing_columns, created_at, updated_at
                          from student_import where id = ?""")
                .param(importId)
                .query((rs, n) -> new ImportJob(
                        rs.getLong("id"),
                        rs.getLong("campaign_id"),
                        rs.getString("file_name"),
                        rs.getString("file_format"),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("uploaded_by_name"),
                        sheetsOf(rs.getString("sheets")),
                        (Integer) rs.getObject("sheet_index", Integer.class),
                        rs.getInt("rows_total"),
                        rs.getInt("rows_done"),
                        rs.getInt("ok_count"),
                        rs.getInt("warning_count"),
                        rs.getInt("error_count"),
                        rs.getInt("duplicate_count"),
                        rs.getInt("likely_duplicate_count"),
                        rs.getInt("inserted_count"),
                        rs.getInt("updated_count"),
                        rs.getString("failure_vi"),
                        rs.getString("failure_en"),
                        lines(rs.getString("ignored_headers")),
                        columns(rs.getString("missing_columns")),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** Until the sheet is read, its rows less the header row: the progress bar's total (exact after the check). */
    private static int studentsIn(SheetInfo sheet) {
        return Math.max(0, sheet.rows() - 1);
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static List<StudentColumn> columns(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<StudentColumn> out = new ArrayList<>();
        for (String name : text.split(",")) {
            out.add(StudentColumn.valueOf(name));
        }
        return out;
    }

    static String sheetsText(List<SheetInfo> sheets) {
        StringBuilder out = new StringBuilder();
        for (SheetInfo s : sheets) {
            String line = s.index() + "|" + s.rows() + "|" + s.name().replace('\n', ' ') + "\n";
            if (out.length() + line.length() > 2000) {
                break;
            }
            out.append(line);
        }
        return out.toString();
    }

    static List<SheetInfo> sheetsOf(String text) {
        List<SheetInfo> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length == 3) {
                out.add(new SheetInfo(Integer.parseInt(parts[0]), parts[2], Integer.parseInt(parts[1])));
            }
        }
        return out;
    }

    private static InvalidValueException notNow(ImportJob job) {
        return new vn.cungem.shared.ConflictException(
                "student-import.state",
                "Lần nhập này đang ở trạng thái " + job.status() + "; không thực hiện được thao tác này.",
                "This import is " + job.status() + "; the action is not possible now.");
    }

    private static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "tep-tai-len" : VietnameseText.tidy(fileName);
        name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
