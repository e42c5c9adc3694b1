package vn.cungem.demo.generator;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.UnitDirectory;

/**
 * {@code --cungem.generate.scale=national --cungem.generate.out=target/generated}: generates, loads units and schools
 * into the configured database (unless {@code --cungem.generate.db=false}) and the students into a new campaign of the
 * root unit (unless {@code --cungem.generate.students-db=false}) and the inventory into the same campaign (unless
 * {@code --cungem.generate.items-db=false}; a campaign of its own when the students are not loaded), writes students and
 * items as CSV, prints timings and stops the application.
 */
@Component
@ConditionalOnProperty(name = "cungem.generate.scale")
class GeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final SyntheticData data;
    private final SyntheticStudents students;
    private final SyntheticInventory inventory;
    private final vn.cungem.student.Students approved;
    private final UnitDirectory units;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    GeneratorRunner(
            SyntheticData data,
            SyntheticStudents students,
            SyntheticInventory inventory,
            UnitDirectory units,
            vn.cungem.student.Students approved,
            Environment environment,
            ConfigurableApplicationContext context) {
        this.approved = approved;
        this.data = data;
        this.students = students;
        this.inventory = inventory;
        this.units = units;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        Scale scale = Scale.parse(environment.getProperty("cungem.generate.scale"));
        long seed = environment.getProperty("cungem.generate.seed", Long.class, 2021L);
        Path out = Path.of(environment.getProperty("cungem.generate.out", "target/generated"));
        DataGenerator generator =
                new DataGenerator(seed, scale, environment.getProperty("cungem.generate.code-prefix", ""));
        long started = System.nanoTime();
        SyntheticNation nation = generator.nation();
        log.warn(
                "Generated {} units and {} schools at scale {} (seed {}) in {} ms",
                nation.units().size(),
                nation.schools().size(),
                scale,
                seed,
                (System.nanoTime() - started) / 1_000_000);
        if (environment.getProperty("cungem.generate.db", Boolean.class, true)) {
            SyntheticData.LoadResult loaded = data.load(nation);
            log.warn(
                    "Loaded {} units and {} schools into {} in {} ms",
                    loaded.units(),
                    loaded.schools(),
                    environment.getProperty("spring.datasource.url"),
                    loaded.millis());
            long root = units.findByCode(generator.rootCode()).orElseThrow().id();
            SyntheticStudents.Loaded registry;
            if (environment.getProperty("cungem.generate.students-db", Boolean.class, true)) {
                registry = students.load(generator, nation, root, loaded.unitIds());
                log.warn(
                        "Loaded {} students, campaign {} (id {}), in {} ms",
                        registry.students(),
                        registry.campaignCode(),
                        registry.campaignId(),
                        registry.millis());
            } else {
                registry = students.createCampaign(root);
            }
            if (environment.getProperty("cungem.generate.items-db", Boolean.class, true)) {
                List<Long> holders = approved.eligibleForAllocation(registry.campaignId()).stream()
                        .map(vn.cungem.student.EligibleStudent::id)
                        .toList();
                SyntheticInventory.Loaded stock =
                        inventory.load(seed, scale.items, registry.campaignId(), nation, loaded.unitIds(), holders);
                log.warn(
                        "Loaded {} items, {} SIMs and connection devices and {} places for campaign {} in {} ms",
                        stock.items(),
                        stock.connections(),
                        stock.places(),
                        registry.campaignCode(),
                        stock.millis());
            }
        }
        SyntheticData.CsvResult csv = data.writeCsv(generator, nation, out);
        log.warn(
                "Wrote {} students to {} and {} items to {} in {} ms",
                csv.studentCount(),
                csv.students().toAbsolutePath(),
                csv.itemCount(),
                csv.items().toAbsolutePath(),
                csv.millis());
        if (environment.getProperty("cungem.generate.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
