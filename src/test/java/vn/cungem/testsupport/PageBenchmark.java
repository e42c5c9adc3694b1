package vn.cungem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import vn.cungem.demo.generator.DataGenerator;
import vn.cungem.demo.generator.Scale;
import vn.cungem.demo.generator.SyntheticData;
import vn.cungem.demo.generator.SyntheticNation;

/**
 * The shared set-up of the national-scale page benchmarks (registry, inventory): each line is 3 warm-ups and 40 timed
 * requests through the whole Spring MVC stack by MockMvc, printed as a Markdown row with p50 and p95 wall time and the
 * CPU time per request of this JVM and of the database's backends ({@link CpuClock}), which a loaded shared machine
 * disturbs much less than wall time. {@code -Dbench.only=HTML} (or {@code API}) measures only the lines whose name
 * starts so, e.g. while profiling.
 */
public final class PageBenchmark {

    public static final int RUNS = 40;
    private static final int WARM_UPS = 3;

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final String only = System.getProperty("bench.only", "");

    public PageBenchmark(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** The generator's national units and schools, loaded (the first step of every national data set). */
    public record Nation(DataGenerator generator, SyntheticNation nation, SyntheticData.LoadResult units) {

        public long root() {
            return units.unitIds().get(generator.rootCode());
        }
    }

    public static Nation loadNation(SyntheticData synthetic) {
        DataGenerator generator = new DataGenerator(2021L, Scale.NATIONAL, TestFixtures.unique("N"));
        SyntheticNation nation = generator.nation();
        return new Nation(generator, nation, synthetic.load(nation));
    }

    public void header() {
        System.out.println("| request | p50 ms | p95 ms | CPU ms/request: app | database |");
        System.out.println("|---|---|---|---|---|");
    }

    public void measure(String what, RequestBuilder request) throws Exception {
        if (!what.startsWith(only)) {
            return;
        }
        for (int i = 0; i < WARM_UPS; i++) {
            mvc.perform(request).andReturn();
        }
        long[] millis = new long[RUNS];
        CpuClock start = CpuClock.now(jdbc);
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            int status = mvc.perform(request).andReturn().getResponse().getStatus();
            millis[i] = (System.nanoTime() - t) / 1_000_000;
            assertThat(status).as(what).isEqualTo(200);
        }
        CpuClock end = CpuClock.now(jdbc);
        Arrays.sort(millis);
        System.out.printf(
                "| %s | %d | %d | %d | %s |%n",
                what,
                millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1],
                (end.appCpuMs() - start.appCpuMs()) / RUNS,
                end.databaseCpuMs() < 0 || start.databaseCpuMs() < 0
                        ? "n/a"
                        : Long.toString((end.databaseCpuMs() - start.databaseCpuMs()) / RUNS));
    }
}
