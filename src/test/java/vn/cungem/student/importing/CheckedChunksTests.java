package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The import's three stages (read and check, match, write) hand chunks on in file order, and any stage's failure ends
 * up on the writing thread, with the other stages stopped. Plain Java: the match step here is a stand-in.
 */
class CheckedChunksTests {

    private static final AtomicLong IDS = new AtomicLong(1_000);

    private static JobData job(int rows, boolean header) {
        List<List<String>> all = new ArrayList<>();
        if (header) {
            all.add(List.of(ImportTestData.HEADERS));
        }
        String school = StudentImportPropertyTests.SCHOOL.moetCode();
        for (int i = 0; i < rows; i++) {
            all.add(ImportTestData.row(
                    "Học Sinh " + StudentImportIntegrationTests.letters(i), "01/01/2013", "Nam", "", school));
        }
        JobData job = new JobData();
        job.id = IDS.incrementAndGet();
        job.content = Workbooks.xlsx(all, "Danh sách");
        job.format = SpreadsheetReader.Format.XLSX;
        job.sheetIndex = 0;
        job.rowsTotal = rows;
        return job;
    }

    /** One import at a time, as the smallest pool would run them: each test's stages must end to give the slot back. */
    private static final ImportStages STAGES = new ImportStages(1);

    private static CheckedChunks start(JobData job, Consumer<List<CheckedRow>> match) {
        return CheckedChunks.start(STAGES, job, StudentImportPropertyTests.check(), done -> {}, match);
    }

    private static boolean stagesAlive(JobData job) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive()
                        && t.getName().endsWith("-" + job.id)
                        && t.getName().startsWith("student-import-"));
    }

    @Test
    void handsOnEveryRowInFileOrderEachChunkMatchedBeforeItIsWritten() {
        JobData job = job(2 * CheckedChunks.CHUNK + 123, true);
        List<Integer> matchedFirstRows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (CheckedChunks chunks = start(job, chunk -> {
            matchedFirstRows.add(chunk.get(0).number);
            chunk.forEach(r -> r.likelyDuplicate = true);
        })) {
            chunks.go();
            for (List<CheckedRow> chunk; (chunk = chunks.next()) != null; ) {
                for (CheckedRow r : chunk) {
                    assertThat(r.likelyDuplicate)
                            .as("row %d went through the match step", r.number)
                            .isTrue();
                    assertThat(r.outcome).isEqualTo(CheckedRow.Outcome.OK);
                    numbers.add(r.number);
                }
            }
            assertThat(chunks.next()).isNull();
        }
        assertThat(numbers).hasSize(2 * CheckedChunks.CHUNK + 123);
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 2);
        }
        assertThat(matchedFirstRows).containsExactly(2, CheckedChunks.CHUNK + 2, 2 * CheckedChunks.CHUNK + 2);
        assertThat(stagesAlive(job)).isFalse();
    }

    @Test
    void aFailingMatchReachesTheWriterAndStopsTheReader() {
        JobData job = job(4 * CheckedChunks.CHUNK, true);
        AtomicInteger calls = new AtomicInteger();
        try (CheckedChunks chunks = start(job, chunk -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database gone");
            }
        })) {
            chunks.go();
            assertThat(chunks.next()).hasSize(CheckedChunks.CHUNK);
            assertThatThrownBy(chunks::next).hasMessage("database gone");
            assertThat(chunks.next()).isNull();
        }
        assertThat(calls).hasValue(2);
        assertThat(stagesAlive(job)).isFalse();
    }

    @Test
    void aSheetWithoutItsHeaderIsRefusedOnTheWritersThread() {
        JobData job = job(20, false);
        try (CheckedChunks chunks = start(job, chunk -> {})) {
            chunks.go();
            assertThatThrownBy(chunks::next)
                    .isInstanceOf(ImportRejectedException.class)
                    .satisfies(e -> assertThat(((ImportRejectedException) e).messageVi())
                            .isNotBlank());
        }
        assertThat(stagesAlive(job)).isFalse();
    }

    @Test
    void closingHalfWayStopsBothStages() {
        JobData job = job(5 * CheckedChunks.CHUNK, true);
        AtomicInteger calls = new AtomicInteger();
        try (CheckedChunks chunks = start(job, chunk -> calls.incrementAndGet())) {
            chunks.go();
            assertThat(chunks.next()).hasSize(CheckedChunks.CHUNK);
        }
        assertThat(stagesAlive(job)).isFalse();
        assertThat(calls.get()).isLessThan(5);
    }

    @Test
    void nothingIsMatchedWhenTheWriterNeverSaysGo() {
        JobData job = job(10, true);
        AtomicInteger calls = new AtomicInteger();
        try (CheckedChunks chunks = start(job, chunk -> calls.incrementAndGet())) {
            // The writer failed before it held its lock (say, the campaign is gone): it closes without go().
        }
        assertThat(stagesAlive(job)).isFalse();
        assertThat(calls).hasValue(0);
    }
}
