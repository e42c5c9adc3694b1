package vn.cungem.donation.cash;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads on which a statement import reads the campaign's open pledges while it parses the file, each read on a
 * connection of its own: a fixed number ({@code cungem.cash.statement-reads}), so that imports of many campaigns at
 * once hold at most that many connections beside their own. When every thread is busy the read runs on the importing
 * thread itself, on the connection it already holds (it sees the same committed data, just not beside the parse): an
 * import never waits for a thread that waits for a connection.
 *
 * <p>A bean of its own type, not an {@code Executor}, so that Spring Boot's own task executor is still made. Shut down
 * when the context closes.
 */
@Component
final class StatementReads {

    private final int threads;
    private final ThreadPoolExecutor pool;

    StatementReads(@Value("${cungem.cash.statement-reads:4}") int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("cungem.cash.statement-reads must be at least 1");
        }
        this.threads = threads;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                1,
                TimeUnit.MINUTES,
                new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "statement-import-read-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                // Every thread busy (or shutting down): the importing thread reads itself, so the read always runs.
                (command, executor) -> command.run());
        pool.allowCoreThreadTimeOut(true);
    }

    /** How many reads may run beside their imports at once. */
    int threads() {
        return threads;
    }

    /** Runs {@code command} on a free thread of the pool, or else right here. */
    void execute(Runnable command) {
        pool.execute(command);
    }

    @PreDestroy
    void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
