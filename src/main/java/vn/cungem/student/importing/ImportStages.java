package vn.cungem.student.importing;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that read and match student import files beside the thread that writes them ({@link CheckedChunks}):
 * a fixed pool of two threads per import that may run at once, so the connections they hold are bounded (the matcher
 * holds one while it matches a chunk, the reader one for a moment when it records progress). An import takes a slot
 * for both of its stages together and gives it back when both have ended: the two stages wait on each other, so one of
 * them must never queue behind another import's. Imports beyond {@code cungem.student.import-parallel} wait for a slot.
 *
 * <p>A bean of its own type, not an {@code Executor}, so that Spring Boot's own task executor is still made. Shut down
 * when the context closes.
 */
@Component
final class ImportStages {

    private final int imports;
    private final Semaphore slots;
    private final ExecutorService threads;

    ImportStages(@Value("${cungem.student.import-parallel:2}") int imports) {
        if (imports < 1) {
            throw new IllegalArgumentException("cungem.student.import-parallel must be at least 1");
        }
        this.imports = imports;
        this.slots = new Semaphore(imports, true);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(2 * imports, runnable -> {
            Thread thread = new Thread(runnable, "student-import-stage-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** How many imports may read and match at once (two threads each). */
    int imports() {
        return imports;
    }

    /**
     * Runs both stages of one import on threads of the pool, each under the given name while it runs, after waiting
     * for a free slot; {@code ended} runs once both have ended, after the slot is given back.
     */
    void start(String firstName, Runnable first, String secondName, Runnable second, Runnable ended) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free import slot", e);
        }
        AtomicInteger running = new AtomicInteger(2);
        Runnable done = () -> {
            if (running.decrementAndGet() == 0) {
                slots.release();
                ended.run();
            }
        };
        try {
            threads.execute(named(firstName, first, done));
            threads.execute(named(secondName, second, done));
        } catch (RuntimeException e) {
            // Shutting down: the context is closing.
            slots.release();
            throw e;
        }
    }

    private static Runnable named(String name, Runnable work, Runnable done) {
        return () -> {
            Thread thread = Thread.currentThread();
            String own = thread.getName();
            thread.setName(name);
            try {
                work.run();
            } finally {
                thread.setName(own);
                done.run();
            }
        };
    }

    @PreDestroy
    void close() {
        // No interrupts first: a stage may be inside a JDBC call, where an interrupt can close an embedded database's
        // files. Running imports stop on their own once their writer is gone.
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
