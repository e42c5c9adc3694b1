package vn.cungem.shared.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** At most {@link SpreadsheetParsing#SLOTS} reads at once, within a budget of shared strings; never a deadlock. */
class SpreadsheetParsingTests {

    private static final byte[] CSV = "a;b\n".getBytes(StandardCharsets.UTF_8);
    private static final SpreadsheetGuard.Limits LIMITS = SpreadsheetGuard.Limits.DEFAULT;

    @Test
    void aThirdReadWaitsBrieflyThenIsRefusedAndRunsOnceASlotIsFree() throws Exception {
        CountDownLatch taken = new CountDownLatch(SpreadsheetParsing.SLOTS);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SpreadsheetParsing.SLOTS);
        try {
            for (int i = 0; i < SpreadsheetParsing.SLOTS; i++) {
                pool.submit(() -> SpreadsheetParsing.read(CSV, LIMITS, true, Duration.ZERO, () -> {
                    taken.countDown();
                    await(release);
                }));
            }
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> SpreadsheetParsing.read(CSV, LIMITS, true, Duration.ofMillis(300), () -> 1))
                    .isInstanceOf(SpreadsheetBusyException.class)
                    .hasMessage("Busy reading other files, try again in a few minutes.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
            release.countDown();
            assertThat(SpreadsheetParsing.read(CSV, LIMITS, true, Duration.ofSeconds(10), () -> 1))
                    .isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(SpreadsheetParsing.freeSlots()).isEqualTo(SpreadsheetParsing.SLOTS);
    }

    @Test
    void aReadInsideARunningReadDoesNotTakeASecondSlot() {
        int inner = SpreadsheetParsing.read(
                CSV,
                LIMITS,
                true,
                Duration.ZERO,
                () -> SpreadsheetParsing.read(CSV, LIMITS, true, Duration.ZERO, () -> 7));
        assertThat(inner).isEqualTo(7);
    }

    @Test
    void twoFilesWhoseSharedStringsExceedTheBudgetTogetherAreNotReadAtOnce() throws Exception {
        // Two workbooks whose directories declare 70 MB shared-strings tables: each fits, both do not.
        long declared = 70L << 20;
        assertThat(2 * declared).isGreaterThan(SpreadsheetParsing.SHARED_STRINGS_BUDGET_BYTES);
        byte[] file = declaring(HostileWorkbooks.workbook("", HostileWorkbooks.strings("a")), (int) declared);
        assertThat(SpreadsheetGuard.declaredSharedStringsBytes(file)).isEqualTo(declared);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> SpreadsheetParsing.read(file, LIMITS, true, Duration.ZERO, () -> {
                reading.countDown();
                await(release);
            }));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(SpreadsheetParsing.freeSlots()).isEqualTo(SpreadsheetParsing.SLOTS - 1);
            assertThatThrownBy(() -> SpreadsheetParsing.read(file, LIMITS, true, Duration.ofMillis(300), () -> 1))
                    .isInstanceOf(SpreadsheetBusyException.class);
            // A small file still gets the free slot meanwhile.
            assertThat(SpreadsheetParsing.read(CSV, LIMITS, true, Duration.ofMillis(300), () -> 2))
                    .isEqualTo(2);
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(SpreadsheetParsing.read(file, LIMITS, true, Duration.ofSeconds(10), () -> 3))
                    .isEqualTo(3);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The same zip with the uncompressed size of xl/sharedStrings.xml in the central directory set to {@code size}. */
    private static byte[] declaring(byte[] zip, int size) {
        byte[] out = zip.clone();
        byte[] name = "xl/sharedStrings.xml".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < out.length; i++) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == name.length) {
                if (java.util.Arrays.equals(out, i + 46, i + 46 + name.length, name, 0, name.length)) {
                    b.putInt(i + 24, size);
                    return out;
                }
            }
        }
        throw new IllegalStateException("no central directory entry for the shared strings");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
