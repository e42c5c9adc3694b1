package vn.cungem.donation.cash;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the queued statement imports. Every node polls; a job is taken with a guarded UPDATE (only while nobody holds
 * a live claim), so exactly one node runs it, and the job of a node that died is taken over once its claim expires.
 */
@Component
class StatementImportWorker {

    private static final Logger log = LoggerFactory.getLogger(StatementImportWorker.class);

    private final StatementImportJobs jobs;

    StatementImportWorker(StatementImportJobs jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            initialDelayString = "${cungem.cash.statement-poll-ms:1000}",
            fixedDelayString = "${cungem.cash.statement-poll-ms:1000}")
    void poll() {
        try {
            for (Long id : jobs.waiting()) {
                if (jobs.claim(id)) {
                    jobs.run(id, false);
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; a job's own refusal is recorded on it.
            log.warn("Statement import worker: {}", e.toString());
        }
    }
}
