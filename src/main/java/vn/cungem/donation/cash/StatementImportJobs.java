package vn.cungem.donation.cash;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.donation.cash.StatementJobStore.Stored;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.CallerSource;
import vn.cungem.shared.spreadsheet.SpreadsheetBusyException;
import vn.cungem.shared.text.Bundles;

/**
 * Statement imports as jobs (issue 10), as student imports are: the upload is stored with its job, small files are
 * imported during the upload's request, larger ones by {@link StatementImportWorker} on whichever node claims them, and
 * the page and the API follow the job. An import is all or nothing, so a job taken over from a node that died is
 * simply run again. A second import of a campaign while one runs is queued behind it by the worker; one that runs
 * during its request is answered 409 as before (see {@link CashAccess#lockForImport}).
 */
@Service
public class StatementImportJobs {

    public static final String ENTITY = "statement_import_job";

    /** Files up to this size (about 5,000 lines of a bank's CSV) are imported during the request. */
    static final int INLINE_BYTES = 256 * 1024;

    /** A claim not renewed for this long belongs to a node that stopped: another node takes the job over. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(StatementImportJobs.class);

    private final StatementJobStore store;
    private final BankStatements statements;
    private final CashAccess access;
    private final TransactionTemplate transaction;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);

    StatementImportJobs(
            StatementJobStore store,
            BankStatements statements,
            CashAccess access,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.statements = statements;
        this.access = access;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores the file as a new job and, when it is small, imports it now: a file refused then is answered at once
     * (400, or 409 while another import of the campaign runs) and the job is kept as FAILED. The same upload retried
     * with the same idempotency key returns the job it made.
     */
    public StatementImportJob upload(
            long campaignId, String fileName, byte[] content, String idempotencyKey, Caller caller) {
        access.require(campaignId, caller);
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? null
                : LedgerPosting.cut(idempotencyKey.strip(), 100);
        Optional<Long> existing = key == null ? Optional.empty() : store.byKey(campaignId, caller, key);
        if (existing.isPresent()) {
            return load(existing.get());
        }
        boolean inline = content.length <= INLINE_BYTES;
        long id;
        try {
            id = store.insert(campaignId, caller, key, fileName, content, inline ? node : null);
        } catch (DuplicateKeyException e) {
            // The same upload arrived twice at once; the other request made the job.
            return load(store.byKey(campaignId, caller, key).orElseThrow());
        }
        if (inline) {
            run(id, true);
        }
        return load(id);
    }

    /** A job of the campaign; 404 for one of another campaign, as for one that does not exist. */
    public StatementImportJob get(long campaignId, long jobId, Caller caller) {
        access.require(campaignId, caller);
        return store.load(jobId)
                .filter(job -> job.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException(ENTITY, jobId));
    }

    /** The campaign's latest jobs, newest first. */
    public List<StatementImportJob> recent(long campaignId, Caller caller) {
        access.require(campaignId, caller);
        return store.recent(campaignId, 10);
    }

    private StatementImportJob load(long jobId) {
        return store.load(jobId).orElseThrow(() -> new NotFoundException(ENTITY, jobId));
    }

    List<Long> waiting() {
        return store.waiting(OffsetDateTime.now(ZoneOffset.UTC).minus(LEASE));
    }

    boolean claim(long jobId) {
        return store.claim(jobId, node, OffsetDateTime.now(ZoneOffset.UTC).minus(LEASE));
    }

    /**
     * Imports the job's file as its uploader, in one transaction with the job's outcome. During a request
     * ({@code inline}) a refusal is recorded and thrown on to the person; in the worker a busy campaign or a full house
     * of spreadsheet reads puts the job back in the queue, and any other refusal is recorded on the job.
     */
    void run(long jobId, boolean inline) {
        Stored job = store.stored(jobId);
        try {
            asUploader(
                    inline ? null : job.caller(),
                    () -> transaction.executeWithoutResult(tx -> {
                        BankStatements.ImportResult result = statements.importStatement(
                                job.campaignId(),
                                job.fileName(),
                                job.content(),
                                job.caller(),
                                (done, total) -> store.progress(jobId, done, total));
                        store.finish(jobId, result.counts(), result.bank());
                    }));
        } catch (StatementColumnsToConfirm e) {
            // issue 11: nothing imported; the job waits for the person to confirm the columns
            store.toConfirm(jobId, e.proposal());
        } catch (ConflictException | SpreadsheetBusyException e) {
            if (!inline) {
                store.requeue(jobId);
                return;
            }
            fail(jobId, e);
            throw e;
        } catch (RuntimeException e) {
            fail(jobId, e);
            if (inline) {
                throw e;
            }
        }
    }

    private void fail(long jobId, RuntimeException e) {
        if (e instanceof StatementRejectedException rejected) {
            store.fail(jobId, rejected.messageVi(), rejected.messageEn(), rejected.problems());
        } else if (e instanceof InvalidValueException invalid) {
            store.fail(jobId, invalid.messageVi(), invalid.messageEn(), List.of());
        } else if (e instanceof SpreadsheetBusyException) {
            store.fail(jobId, SpreadsheetBusyException.MESSAGE_VI, SpreadsheetBusyException.MESSAGE_EN, List.of());
        } else {
            log.warn("Statement import job {} failed", jobId, e);
            String key = "cash.error.statement.system";
            store.fail(jobId, Bundles.vi(key), Bundles.en(key), List.of());
        }
    }

    /** The worker runs the import as the person who uploaded it, so the audit log names them. */
    private static void asUploader(Caller uploader, Runnable work) {
        if (uploader == null) {
            work.run();
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        CallerSource principal = () -> uploader;
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
