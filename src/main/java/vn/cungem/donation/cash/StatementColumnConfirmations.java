package vn.cungem.donation.cash;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.security.Caller;

/**
 * The mapping step of a statement import: the person says what each column of an unsure or unknown layout holds, the
 * mapping is kept for the campaign's bank account and the import goes on (during the request when the file is small,
 * as an upload is). Confirming a job that no longer waits is refused, so a retried confirmation imports nothing twice.
 */
@Service
class StatementColumnConfirmations {

    private final StatementImportJobs jobs;
    private final StatementJobStore store;
    private final StatementMappings mappings;
    private final TransactionTemplate transaction;

    StatementColumnConfirmations(
            StatementImportJobs jobs,
            StatementJobStore store,
            StatementMappings mappings,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.store = store;
        this.mappings = mappings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Confirms the columns of a job waiting for them: {@code choices} maps a column index to a field name or
     * {@code IGNORE}; columns not named keep the field proposed.
     */
    StatementImportJob confirm(long campaignId, long jobId, Map<Integer, String> choices, Caller caller) {
        StatementImportJob job = jobs.get(campaignId, jobId, caller);
        if (job.status() != StatementImportJob.Status.CONFIRM || job.columnsToConfirm() == null) {
            throw ConflictException.of("statement.columns.not-waiting", "banks.confirm.no-job");
        }
        StatementMapping mapping = StatementMapping.confirmed(job.columnsToConfirm(), choices);
        boolean resumed = Boolean.TRUE.equals(transaction.execute(tx -> {
            // only the request that moves the job out of CONFIRM keeps its mapping and runs it
            if (!store.resume(jobId)) {
                return false;
            }
            mappings.save(campaignId, job.columnsToConfirm(), mapping, caller);
            return true;
        }));
        if (!resumed) {
            throw ConflictException.of("statement.columns.not-waiting", "banks.confirm.no-job");
        }
        if (store.size(jobId) <= StatementImportJobs.INLINE_BYTES && jobs.claim(jobId)) {
            jobs.run(jobId, true);
        }
        return jobs.get(campaignId, jobId, caller);
    }
}
