package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.demo.generator.DataGenerator;
import vn.cungem.demo.generator.Scale;
import vn.cungem.demo.generator.SchoolRow;
import vn.cungem.demo.generator.StudentImportFile;
import vn.cungem.demo.generator.SyntheticNation;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.student.SchoolRef;
import vn.cungem.student.StudentIdCipher;
import vn.cungem.student.StudentIdKeyGuard;
import vn.cungem.student.ValidationContext;

/**
 * The preview's Java work on {@link StudentImportBenchmark}'s 100,000-row file, without a database and on one thread,
 * measured by that thread's CPU time: reading (fastexcel and {@link StudentSheet}), checking ({@link ImportCheck}),
 * repeats within the file and formatting the staged rows for {@code COPY}. On a shared machine the CPU time of one
 * thread moves less than the benchmark's wall time, so this is what to compare before and after a change of the
 * preview's code. Skipped without {@code -Dbench=true}; prints, asserts only the row counts.
 */
class ImportCheckCpuBenchmark {

    private static final int ROWS = 100_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void checksAHundredThousandRows() {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        DataGenerator generator = new DataGenerator(20210901L, Scale.PROVINCE, "B");
        SyntheticNation nation = generator.nation();
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 << 20);
        StudentImportFile.writeXlsx(sink -> generator.students(nation, ROWS, sink), out);
        byte[] file = out.toByteArray();
        Map<String, SchoolRef> schools = new HashMap<>();
        long id = 1;
        for (SchoolRow s : nation.schools()) {
            schools.put(
                    s.moetCode(),
                    new SchoolRef(id, id++, s.moetCode(), s.name(), SchoolLevel.valueOf(s.schoolLevel())));
        }
        Map<String, Long> communes = new HashMap<>();
        nation.communes().keySet().forEach(code -> communes.put(code, (long) communes.size() + 1));
        List<PriorityCategory> categories = new ArrayList<>();
        List<String> names = DataGenerator.categoryNames();
        for (int i = 0; i < names.size(); i++) {
            categories.add(new PriorityCategory(
                    "C" + i, StudentImportFile.categoryName(names.get(i)), "Category " + i, 100 - i * 10));
        }
        ValidationContext context = new ValidationContext(
                categories,
                code -> Optional.ofNullable(schools.get(code.strip())),
                code -> Optional.ofNullable(communes.get(code.strip())),
                null,
                null);
        StudentIdCipher cipher = new StudentIdCipher(StudentIdKeyGuard.DEV_KEY);
        for (int run = 1; run <= 4; run++) {
            ImportCheck check = new ImportCheck(context, cipher, x -> true, 1, 1);
            long a0 = allocated();
            long t0 = cpu();
            int[] read = {0};
            sheets(file, row -> read[0]++);
            long t1 = cpu();
            long a1 = allocated();
            List<CheckedRow> checked = new ArrayList<>(ROWS);
            sheets(file, row -> checked.add(check.check(row)));
            long t2 = cpu();
            long a2 = allocated();
            new ImportCheck.Repeats(ROWS).mark(checked);
            long t3 = cpu();
            PostgresStudentWriter.CsvReader<CheckedRow> csv = PostgresStudentWriter.stagedCsv(
                    checked.stream().filter(CheckedRow::writable).toList());
            char[] buffer = new char[8192];
            long chars = 0;
            for (int n; (n = csv.read(buffer, 0, buffer.length)) > 0; ) {
                chars += n;
            }
            long t4 = cpu();
            long errors = checked.stream()
                    .filter(r -> r.outcome == CheckedRow.Outcome.ERROR)
                    .count();
            System.out.printf(
                    "run %d: read %,d ms; read + check %,d ms (check %,d); repeats %,d ms; COPY text %,d ms"
                            + " (%,d chars); errors %,d; allocated: read %,d MB, check %,d MB%n",
                    run,
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t2 - t1 - (t1 - t0)) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000,
                    chars,
                    errors,
                    (a1 - a0) >> 20,
                    (a2 - a1 - (a1 - a0)) >> 20);
            assertThat(read[0]).isEqualTo(ROWS);
            assertThat(checked).hasSize(ROWS);
        }
    }

    private static void sheets(byte[] file, java.util.function.Consumer<StudentSheet.SourceRow> rows) {
        JobSheets.read(
                file,
                SpreadsheetReader.Format.XLSX,
                List.of(0),
                SheetLayout::proposed,
                rows,
                skip -> {},
                Duration.ofSeconds(30));
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
