package vn.cungem.student.importing;

import org.springframework.context.ApplicationContext;

/**
 * One run of the background import worker, for tests outside this package (the browser tests): what a node's scheduler
 * does every {@code cungem.student.import-poll-ms}, which the test profile turns off. {@link ImportWorker} stays
 * package-private in the application.
 */
public final class ImportWorkerPoll {

    private ImportWorkerPoll() {}

    /** Claims and runs the queued imports on the calling thread, as {@link ImportWorker#poll()} does. */
    public static void run(ApplicationContext context) {
        context.getBean(ImportWorker.class).poll();
    }
}
