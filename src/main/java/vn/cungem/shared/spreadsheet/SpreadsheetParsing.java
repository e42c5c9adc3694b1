package vn.cungem.shared.spreadsheet;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many uploaded spreadsheets are read at once, so that several large files arriving together cannot take
 * the memory other requests need. At most {@link #SLOTS} reads run at a time, and together they may hold at most
 * {@link #SHARED_STRINGS_BUDGET_BYTES} of shared-strings tables (the part of an XLSX file the reader keeps in memory;
 * {@link SpreadsheetGuard} has measured it before). A request that finds no room waits up to {@link #REQUEST_WAIT}, then
 * is refused with {@link SpreadsheetBusyException} (503, "try again in a few minutes"); nothing was read or written.
 * Background work waits as long as it must. A thread that already holds a slot does not take a second one.
 */
public final class SpreadsheetParsing {

    public static final int SLOTS = 2;
    public static final long SHARED_STRINGS_BUDGET_BYTES = 128L << 20;
    public static final Duration REQUEST_WAIT = Duration.ofSeconds(5);
    public static final Duration BACKGROUND_WAIT = Duration.ofMinutes(30);

    private static final Semaphore slots = new Semaphore(SLOTS, true);
    // In KB, so that a table's size fits the int permits.
    private static final Semaphore budget = new Semaphore((int) (SHARED_STRINGS_BUDGET_BYTES >> 10), true);
    private static final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

    private SpreadsheetParsing() {}

    /**
     * Reads an uploaded file in a slot, waiting at most {@code wait} for one: an XLSX file is first inspected by
     * {@link SpreadsheetGuard#inspectXlsx} (or, when {@code inspected} says that was done on upload, only its
     * directory is looked at) and its shared-strings table is reserved in the budget; a CSV file is scanned by
     * {@link SpreadsheetGuard#checkCsv}. Refusals are {@link SpreadsheetRefusedException}s, a full house is a
     * {@link SpreadsheetBusyException}.
     */
    public static <T> T read(
            byte[] content, SpreadsheetGuard.Limits limits, boolean inspected, Duration wait, Supplier<T> read) {
        if (holding.get()) {
            return read.get();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        acquire(slots, 1, deadline);
        holding.set(true);
        try {
            int kb = 0;
            if (SpreadsheetGuard.isZip(content)) {
                long strings = inspected
                        ? SpreadsheetGuard.declaredSharedStringsBytes(content)
                        : SpreadsheetGuard.inspectXlsx(content, limits).sharedStringsBytes();
                kb = (int) Math.max(1, Math.min(SHARED_STRINGS_BUDGET_BYTES, strings) >> 10);
                acquire(budget, kb, deadline);
            } else if (!inspected) {
                SpreadsheetGuard.checkCsv(content, limits);
            }
            try {
                return read.get();
            } finally {
                if (kb > 0) {
                    budget.release(kb);
                }
            }
        } finally {
            holding.set(false);
            slots.release();
        }
    }

    /** The same for a read that returns nothing. */
    public static void read(
            byte[] content, SpreadsheetGuard.Limits limits, boolean inspected, Duration wait, Runnable read) {
        read(content, limits, inspected, wait, () -> {
            read.run();
            return null;
        });
    }

    /** For tests: how many slots are free now. */
    public static int freeSlots() {
        return slots.availablePermits();
    }

    private static void acquire(Semaphore semaphore, int permits, long deadline) {
        try {
            if (!semaphore.tryAcquire(permits, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new SpreadsheetBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpreadsheetBusyException();
        }
    }
}
