package vn.cungem.student.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Reads, checks and matches a file on two threads of {@link ImportStages}' fixed pool and hands the rows on a chunk at a time, in file order, to
 * the thread that writes them. Three stages work at once, each on a different chunk: the reader parses the sheet and
 * checks its rows (several at once, on the common pool); the matcher runs {@code match} on each checked chunk, in file
 * order (repeats within the file, then the registry, on a database connection of its own); the caller's thread writes
 * the chunk before. On a two-core server the database and the Java work overlap instead of taking turns. At most a few
 * chunks wait between stages: a 100,000-row file never exists as 100,000 checked rows.
 *
 * <p>The matcher starts only when the caller says {@link #go()}, so that it can first take the locks it needs.
 * The reader touches no database except through {@code progress}, which must run in its own transaction.
 */
final class CheckedChunks implements AutoCloseable {

    static final int CHUNK = 4_096;
    private static final int PROGRESS_EVERY = 8_192;
    private static final Object END = new Object();

    private final BlockingQueue<Object> checked = new ArrayBlockingQueue<>(2);
    private final BlockingQueue<Object> matched = new ArrayBlockingQueue<>(2);
    private final CountDownLatch go = new CountDownLatch(1);
    /** Counted down when the reader and the matcher have both ended. */
    private final CountDownLatch stagesEnded = new CountDownLatch(1);
    /** Set when the import stops taking rows; the stages notice it within a moment and end. No interrupts: a stage may
     * be inside a JDBC call (progress, matching), and an interrupt there can close an embedded database's files. */
    private volatile boolean stopped;

    private volatile long readNanos;
    private volatile List<String> ignoredHeaders = List.of();
    private volatile List<StudentColumn> missingColumns = List.of();
    private volatile List<StudentSheet.Skipped> skipped = List.of();
    private volatile long matchNanos;
    private boolean ended;

    private CheckedChunks() {}

    /**
     * Starts reading the job's sheet on {@code stages}' threads (waiting for a free slot there); {@code match} runs once
     * per chunk after {@link #go()}.
     */
    static CheckedChunks start(
            ImportStages stages,
            JobData job,
            ImportCheck check,
            IntConsumer progress,
            Consumer<List<CheckedRow>> match) {
        CheckedChunks chunks = new CheckedChunks();
        stages.start(
                "student-import-read-" + job.id,
                () -> chunks.read(job, check, progress),
                "student-import-match-" + job.id,
                () -> chunks.match(match),
                chunks.stagesEnded::countDown);
        return chunks;
    }

    /** Lets the matcher begin (the caller holds what it must before the registry is read). */
    void go() {
        go.countDown();
    }

    private void read(JobData job, ImportCheck check, IntConsumer progress) {
        long begin = System.nanoTime();
        try {
            List<StudentSheet.SourceRow> chunk = new ArrayList<>(CHUNK);
            int[] done = {0};
            int[] nextProgress = {PROGRESS_EVERY};
            java.util.function.Consumer<StudentSheet.SourceRow> rows = row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    done[0] += chunk.size();
                    put(checked, checkLater(chunk, check));
                    if (done[0] >= nextProgress[0]) {
                        progress.accept(done[0]);
                        nextProgress[0] += PROGRESS_EVERY;
                    }
                }
            };
            List<StudentSheet.Skipped> skips = new ArrayList<>();
            JobSheets.Headers headers = JobSheets.read(
                    job, rows, skips::add, vn.cungem.shared.spreadsheet.SpreadsheetParsing.BACKGROUND_WAIT);
            ignoredHeaders = headers.ignored();
            missingColumns = headers.missing();
            skipped = List.copyOf(skips);
            if (!chunk.isEmpty()) {
                put(checked, checkLater(chunk, check));
            }
            readNanos = System.nanoTime() - begin;
            put(checked, END);
        } catch (Stopped stopped) {
            // Nobody takes rows any more (the import failed or finished).
        } catch (Throwable e) {
            // Caught only to be handed over: next() throws it again on the importing thread, which fails the import
            // (an Error as it is). Nothing is swallowed here.
            readNanos = System.nanoTime() - begin;
            handOn(checked, e);
        }
    }

    private void match(Consumer<List<CheckedRow>> match) {
        long busy = 0;
        try {
            while (!go.await(100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    return;
                }
            }
            while (true) {
                Object item = take(checked);
                if (item instanceof CompletableFuture<?> checking) {
                    item = checked(checking);
                }
                if (item instanceof List<?>) {
                    @SuppressWarnings("unchecked")
                    List<CheckedRow> rows = (List<CheckedRow>) item;
                    long t = System.nanoTime();
                    match.accept(rows);
                    busy += System.nanoTime() - t;
                }
                matchNanos = busy;
                put(matched, item);
                if (!(item instanceof List<?>)) {
                    return; // END, or the reader's failure, handed on
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Stopped e) {
            // as above
        } catch (Throwable e) {
            // Handed over to the importing thread, which throws it again (see read).
            handOn(matched, e);
        }
    }

    /**
     * Checks the chunk's rows on the common pool while the reader goes on parsing the next chunk: parsing is one
     * thread's work and checking is spread over the cores, so done in turn the cores sat idle during each parse (the
     * benchmark's reader thread, issue 11). The queue's bound still holds: at most two chunks wait to be matched.
     */
    private static CompletableFuture<List<CheckedRow>> checkLater(
            List<StudentSheet.SourceRow> chunk, ImportCheck check) {
        List<StudentSheet.SourceRow> rows = new ArrayList<>(chunk);
        chunk.clear();
        return CompletableFuture.supplyAsync(() -> {
            CheckedRow[] out = new CheckedRow[rows.size()];
            IntStream.range(0, rows.size()).parallel().forEach(i -> out[i] = check.check(rows.get(i)));
            return Arrays.asList(out);
        });
    }

    /** The chunk once checked, or what its check threw (handed on like the reader's own failures). */
    private static Object checked(CompletableFuture<?> checking) throws InterruptedException {
        try {
            return checking.get();
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private void put(BlockingQueue<Object> queue, Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private Object take(BlockingQueue<Object> queue) throws InterruptedException {
        while (true) {
            Object item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (item != null) {
                return item;
            }
            if (stopped) {
                throw new Stopped();
            }
        }
    }

    private void handOn(BlockingQueue<Object> queue, Throwable failure) {
        try {
            put(queue, failure);
        } catch (Stopped stopped) {
            // Nobody waits for it: the import has already stopped.
        }
    }

    /**
     * The next chunk of checked and matched rows in file order, waiting for it; null after the last one. A failure of
     * the reader (a file that turns out unreadable, no header) or of the matcher is thrown here, on the caller's thread.
     */
    List<CheckedRow> next() {
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = matched.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rows of the file", e);
        }
        if (item instanceof List<?>) {
            @SuppressWarnings("unchecked")
            List<CheckedRow> rows = (List<CheckedRow>) item;
            return rows;
        }
        ended = true;
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        if (item instanceof Throwable e) {
            throw new IllegalStateException("A stage of the import failed", e);
        }
        return null;
    }

    /** The rows that are not students, with the reason; known once {@link #next()} has returned null. */
    List<StudentSheet.Skipped> skipped() {
        return skipped;
    }

    /** Header cells of the file that no column was read from; known once {@link #next()} has returned null. */
    List<String> ignoredHeaders() {
        return ignoredHeaders;
    }

    /** The template's columns the file lacks; known once {@link #next()} has returned null. */
    List<StudentColumn> missingColumns() {
        return missingColumns;
    }

    /** Time the reader took to read and check the file, including waits for the matcher to take a chunk. */
    long readMillis() {
        return readNanos / 1_000_000;
    }

    /** Time the matcher spent matching (not waiting). */
    long matchMillis() {
        return matchNanos / 1_000_000;
    }

    /** Stops the reader and the matcher if they are still going (the import failed half-way) and waits for them. */
    @Override
    public void close() {
        stopped = true;
        checked.clear();
        matched.clear();
        try {
            stagesEnded.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unwinds a stage through the spreadsheet parser's callbacks when nobody wants its rows any more. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
