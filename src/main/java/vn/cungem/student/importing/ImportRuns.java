package vn.cungem.student.importing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.ImportTimers;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.spreadsheet.SpreadsheetBusyException;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StudentIdCipher;
import vn.cungem.student.ValidationContext;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.student.importing.values.ValueMappings;

/**
 * The work on a claimed import: the validation run checks every row and records the outcome without writing to
 * {@code student}; the commit run checks again (the registry may have changed since the preview) and writes the valid
 * rows, all or none. Rows are read and checked on one thread and matched on another (in short transactions of their
 * own, in file order) while this one writes the chunks before them.
 */
@Component
class ImportRuns {

    private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

    /**
     * What a run found, with the time of each phase (the benchmark prints them); {@code staged}: a commit that moved
     * the preview's rows, false when it read and checked the file again (or for a preview).
     */
    record RunResult(Map<String, Long> timingsMs, int rows, int inserted, int updated, boolean staged) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final ImportAccess access;
    private final ImportJobStore store;
    private final ImportJobStates states;
    private final ImportClaims claims;
    private final RegistryMatching matching;
    private final RegistryWrites writes;
    private final ImportStages stages;
    private final StudentIdCipher cipher;
    private final TransactionTemplate transaction;
    private final ImportTexts texts;
    private final StagedRows staged;
    private final FileTexts fileTexts;

    /** A timer per phase of a run ({@code cungem.import.phase}, import=student), as the map in the log line. */
    private final MeterRegistry meters;

    private volatile RunResult lastRun;

    ImportRuns(
            JdbcClient jdbc,
            Campaigns campaigns,
            ImportAccess access,
            ImportJobStore store,
            ImportJobStates states,
            ImportClaims claims,
            RegistryMatching matching,
            RegistryWrites writes,
            ImportStages stages,
            ImportTexts texts,
            StagedRows staged,
            FileTexts fileTexts,
            MeterRegistry meters,
            PlatformTransactionManager transactions,
            @Value("${cungem.student.id-key}") String idKey) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.access = access;
        this.store = store;
        this.states = states;
        this.claims = claims;
        this.matching = matching;
        this.writes = writes;
        this.stages = stages;
        this.texts = texts;
        this.staged = staged;
        this.fileTexts = fileTexts;
        this.meters = meters;
        this.cipher = new StudentIdCipher(idKey);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Checks every row and records the outcome; nothing is written to {@code student}. Runs under this node's claim. */
    void runValidation(long importId) {
        run(importId, Status.VALIDATING, false);
    }

    /** Checks again and writes the valid rows, all or none. */
    void runCommit(long importId) {
        run(importId, Status.COMMITTING, true);
    }

    RunResult lastRun() {
        return lastRun;
    }

    private void run(long importId, Status expected, boolean write) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long begin = System.nanoTime();
        JobData job = store.jobData(importId);
        if (job == null || job.status != expected) {
            return;
        }
        try {
            Tally tally = new Tally();
            boolean staged = write && commitStagedOrCheckAgain(job, tally, timings, begin);
            if (!staged) {
                tally = runChecked(job, write, timings, begin);
            }
            timings.put("total", (System.nanoTime() - begin) / 1_000_000);
            lastRun = new RunResult(timings, tally.rows, tally.inserted, tally.updated, staged);
            log.info(
                    "Student import {} {}{}: {} rows, phases (ms) {}",
                    importId,
                    expected,
                    write ? (staged ? " (staged rows)" : " (file checked again)") : "",
                    tally.rows,
                    timings);
        } catch (InvalidValueException e) {
            states.fail(importId, e.messageVi(), e.messageEn());
        } catch (SpreadsheetBusyException e) {
            states.fail(
                    importId,
                    texts.vi("studentImport.failed.busy", SpreadsheetBusyException.MESSAGE_VI),
                    texts.en("studentImport.failed.busy", SpreadsheetBusyException.MESSAGE_EN));
        } catch (RuntimeException e) {
            log.error("Student import {} failed", importId, e);
            states.fail(importId, texts.vi("studentImport.failed.system"), texts.en("studentImport.failed.system"));
        }
    }

    /** What the rows are checked against, and its digest ({@link CheckDigest}): the preview keeps it with the rows. */
    private record Basis(
            Campaign campaign, Set<Long> allowed, ValidationContext context, ValueMappings remembered, String digest) {}

    private Basis basis(JobData job) {
        Campaign campaign = campaigns.get(job.campaignId, job.caller);
        List<SchoolRef> schools = access.schools(campaign, job.caller);
        CheckDigest digest = new CheckDigest();
        campaign.spec().categories().forEach(digest::add);
        Set<Long> allowed = new HashSet<>();
        schools.stream().sorted(Comparator.comparingLong(SchoolRef::id)).forEach(s -> {
            allowed.add(s.id());
            digest.add(s);
        });
        ValidationContext context = context(campaign, schools, job.caller, digest);
        ValueMappings remembered = ValueMappingStore.forCampaign(jdbc, job.campaignId, digest);
        return new Basis(campaign, allowed, context, remembered, digest.hex());
    }

    /**
     * The staged commit is a shortcut: when the database cannot answer its comparing query (a real timeout or
     * cancellation), nothing of it was kept (its transaction rolled back) and the commit checks the file again, as it
     * does when anything changed, instead of failing the import. In tests it must not happen: H2 cancelled the query
     * in full runs only because the rate limiter left a 5 s query timeout on a pooled H2 session (fixed there;
     * {@code StagedCommitIntegrationTests} checks a three-chunk commit is staged).
     */
    private boolean commitStagedOrCheckAgain(JobData job, Tally tally, Map<String, Long> timings, long begin) {
        try {
            return commitStaged(job, tally, timings, begin);
        } catch (org.springframework.dao.TransientDataAccessException e) {
            log.warn(
                    "Student import {}: the staged commit could not compare ({}), checked again",
                    job.id,
                    e.getClass().getSimpleName());
            tally.rows = 0;
            tally.inserted = 0;
            tally.updated = 0;
            return false;
        }
    }

    /**
     * The commit of a previewed import: when the campaign, the uploader's schools and the remembered meanings are as
     * the preview saw them, and every staged row matches the same registered students as then, the staged rows are
     * moved into the registry, all in one transaction under the campaign's import lock. False (nothing written) when
     * anything changed: the commit then checks the file again.
     */
    private boolean commitStaged(JobData job, Tally tally, Map<String, Long> timings, long begin) {
        if (job.checkedWith == null || job.stagedCount == null) {
            return false;
        }
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            long m = lap(timings, "setup", begin);
            long idsAfter = writes.lock(job.campaignId);
            Basis basis = basis(job);
            // all the staged rows still there (PostgreSQL's unlogged staging is emptied by a crash, V281), nothing
            // changed in what they were checked against, and each matches the same registered students as then
            boolean same = staged.count(job.id) == job.stagedCount
                    && basis.digest().equals(job.checkedWith)
                    && staged.unchanged(job.id);
            m = lap(timings, "re-check changes", m);
            if (!same) {
                log.info("Student import {}: changed since the preview, checked again", job.id);
                return false;
            }
            Instant now = Instant.now();
            tally.rows = job.rowsTotal;
            tally.inserted = staged.insertNew(job.id, now);
            m = lap(timings, "write", m);
            writes.history(job, idsAfter, now);
            m = lap(timings, "history", m);
            tally.updated = writes.updateStaged(job.id, () -> staged.updateMatched(job.id, now));
            staged.delete(job.id);
            m = lap(timings, "write", m);
            writes.committed(job, basis.campaign(), tally);
            states.committedAsPreviewed(job.id, tally.inserted, tally.updated);
            lap(timings, "record", m);
            return true;
        }));
    }

    private Tally runChecked(JobData job, boolean write, Map<String, Long> timings, long begin) {
        Basis basis = basis(job);
        Campaign campaign = basis.campaign();
        Set<Long> allowed = basis.allowed();
        ImportCheck check =
                new ImportCheck(basis.context(), cipher, allowed::contains, job.campaignId, job.id, basis.remembered());
        lap(timings, "setup", begin);

        Instant now = Instant.now();
        Tally tally = new Tally();
        ImportCheck.Repeats repeats = new ImportCheck.Repeats(job.rowsTotal);
        Map<Long, Integer> claimed = new HashMap<>();
        Consumer<List<CheckedRow>> matchChunk = chunk -> transaction.executeWithoutResult(tx -> {
            repeats.mark(chunk);
            matching.match(job.campaignId, chunk, allowed, claimed);
        });
        try (CheckedChunks chunks =
                CheckedChunks.start(stages, job, check, done -> claims.progress(job.id, done), matchChunk)) {
            transaction.executeWithoutResult(tx -> {
                long m = System.nanoTime();
                long idsAfter = write ? writes.lock(job.campaignId) : 0;
                staged.delete(job.id);
                chunks.go();
                List<StudentRow> updates = new ArrayList<>();
                for (List<CheckedRow> chunk; (chunk = chunks.next()) != null; ) {
                    m = lap(timings, "wait for rows", m);
                    if (write) {
                        tally.inserted += writes.insert(chunk, updates, now);
                        m = lap(timings, "write", m);
                    } else {
                        tally.staged += staged.stage(chunk);
                        m = lap(timings, "stage", m);
                    }
                    tally.add(job.id, chunk);
                }
                tally.ignoredHeaders = chunks.ignoredHeaders();
                tally.missingColumns = chunks.missingColumns();
                tally.skipped(job.id, chunks.skipped());
                if (tally.rows == 0) {
                    throw new ImportRejectedException(
                            texts.vi("studentImport.rejected.noStudents"),
                            texts.en("studentImport.rejected.noStudents"));
                }
                if (write) {
                    writes.history(job, idsAfter, now);
                    m = lap(timings, "history", m);
                    writes.update(updates, now);
                    tally.updated = updates.size();
                    m = lap(timings, "write", m);
                    writes.committed(job, campaign, tally);
                } else {
                    tally.checkedWith = basis.digest();
                    fileTexts.save(job.id, check.texts());
                }
                states.saveOutcome(job.id, tally, write ? Status.COMMITTED : Status.PREVIEW);
                lap(timings, "record", m);
            });
            timings.put("read+check, alongside", chunks.readMillis());
            timings.put("match, alongside", chunks.matchMillis());
        }
        return tally;
    }

    private long lap(Map<String, Long> timings, String phase, long since) {
        long now = System.nanoTime();
        timings.merge(phase, (now - since) / 1_000_000, Long::sum);
        ImportTimers.record(meters, "student", phase, now - since);
        return now;
    }

    /**
     * What every row is checked against, from memory: the importer's schools by MOET code, and the communes of the
     * organiser's subtree by code or folded name (organisation's published views, V106).
     */
    private ValidationContext context(Campaign campaign, List<SchoolRef> schools, Caller caller, CheckDigest digest) {
        Map<String, SchoolRef> byCode = new HashMap<>(schools.size() * 2);
        schools.forEach(s -> byCode.put(s.moetCode().toUpperCase(Locale.ROOT), s));
        Map<String, Long> communes = new HashMap<>();
        jdbc.sql("select u.id, u.code, u.name from org_unit u join org_unit_tree c on c.descendant_id = u.id"
                        + " where c.ancestor_id = ? order by u.id")
                .param(campaign.organisingUnit().id())
                .query((rs, n) -> {
                    digest.add(rs.getLong(1)).add(rs.getString(2)).add(rs.getString(3));
                    communes.putIfAbsent(rs.getString(2).toUpperCase(Locale.ROOT), rs.getLong(1));
                    communes.putIfAbsent(VietnameseText.fold(rs.getString(3)), rs.getLong(1));
                    return null;
                })
                .list();
        SchoolRef fixed = caller.scope().kind() == Scope.Kind.SCHOOL && schools.size() == 1 ? schools.get(0) : null;
        digest.add(fixed);
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
}
