package vn.cungem.demo.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.organisation.OrganisationBulkLoad;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Callers;

/** Loads a generated nation into the database and writes its students and items to CSV files. */
@Service
public class SyntheticData {

    private final OrganisationBulkLoad organisation;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    SyntheticData(
            OrganisationBulkLoad organisation, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.organisation = organisation;
        this.transactions = transactions;
        this.events = events;
    }

    /** {@code unitIds}: the units written by code (the root too when it was there already). */
    public record LoadResult(int units, int schools, long millis, Map<String, Long> unitIds) {}

    public record CsvResult(Path students, long studentCount, Path items, long itemCount, long millis) {}

    /**
     * Inserts the nation's units and schools in one transaction: all or nothing. The root unit is reused when it
     * exists; any other code already present stops the load before anything is written.
     */
    public LoadResult load(SyntheticNation nation) {
        long started = System.nanoTime();
        int[] counts = new int[2];
        Map<String, Long> unitIds = new java.util.HashMap<>();
        Callers.asSystem(() -> transactions.executeWithoutResult(status -> {
            List<UnitRow> units = new ArrayList<>(nation.units());
            UnitRow root = units.get(0);
            if (!organisation.existingUnitCodes(List.of(root.code())).isEmpty()) {
                units.remove(0);
            }
            Set<String> clashes = organisation.existingUnitCodes(
                    units.stream().map(UnitRow::code).toList());
            if (!clashes.isEmpty()) {
                String some =
                        String.join(", ", clashes.stream().sorted().limit(5).toList());
                throw new ConflictException(
                        "generator.codes.taken",
                        "Cơ sở dữ liệu đã có đơn vị trùng mã (" + some + "). Hãy sinh vào cơ sở dữ liệu trống hoặc đặt"
                                + " --cungem.generate.code-prefix=G để dùng mã khác.",
                        "The database already holds units with these codes (" + some + "). Generate into an empty"
                                + " database or set --cungem.generate.code-prefix=G to use other codes.");
            }
            OrganisationBulkLoad.Loaded loaded = organisation.load(
                    units.stream().map(UnitRow::line).toList(),
                    nation.schools().stream().map(SchoolRow::line).toList());
            counts[0] = units.size();
            counts[1] = loaded.schools();
            unitIds.putAll(loaded.unitIds());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("units", counts[0]);
            summary.put("schools", counts[1]);
            // One summary entry for a bulk load of synthetic data, not 40,000 rows of audit.
            events.publishEvent(
                    new DomainChange("GeneratedData", root.code(), "GENERATED", null, Map.of(), summary, null));
        }));
        return new LoadResult(counts[0], counts[1], (System.nanoTime() - started) / 1_000_000, unitIds);
    }

    /** Writes {@code students.csv} and {@code items.csv} (UTF-8, RFC 4180, header row) into {@code folder}. */
    public CsvResult writeCsv(DataGenerator generator, SyntheticNation nation, Path folder) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(folder);
            Path students = folder.resolve("students.csv");
            Path items = folder.resolve("items.csv");
            long[] counts = new long[2];
            try (BufferedWriter out = Files.newBufferedWriter(students, StandardCharsets.UTF_8)) {
                out.write(StudentRecord.HEADER);
                out.newLine();
                generator.students(nation, lines(out, record -> record.csv(), counts, 0));
            }
            try (BufferedWriter out = Files.newBufferedWriter(items, StandardCharsets.UTF_8)) {
                out.write(ItemRecord.HEADER);
                out.newLine();
                generator.items(lines(out, record -> record.csv(), counts, 1));
            }
            return new CsvResult(students, counts[0], items, counts[1], (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Consumer<T> lines(
            BufferedWriter out, java.util.function.Function<T, String> line, long[] counts, int slot) {
        return record -> {
            try {
                out.write(line.apply(record));
                out.write('\n');
                counts[slot]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
