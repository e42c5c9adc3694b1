package vn.cungem.student.importing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks and writes the large imports in the background. Every node polls; an import is taken with a guarded UPDATE
 * (only while nobody holds a live claim), so exactly one node works on it, and a node that dies mid-way leaves a claim
 * that expires and another node takes over. The work itself is all-or-nothing, so a retried run is safe.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final StudentImports imports;

    ImportWorker(StudentImports imports) {
        this.imports = imports;
    }

    // The first poll waits one interval too, so a test profile that sets a long interval never polls on its own.
    @Scheduled(
            initialDelayString = "${cungem.student.import-poll-ms:1000}",
            fixedDelayString = "${cungem.student.import-poll-ms:1000}")
    void poll() {
        try {
            for (Long id : imports.waiting()) {
                if (imports.claim(id)) {
                    imports.work(id);
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; the import's own failure is recorded on it.
            log.warn("Student import worker: {}", e.toString());
        }
    }
}
