package vn.cungem.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The time each phase of an import takes, as Micrometer timers: {@code cungem.import.phase} with the tags
 * {@code import} (statement, student) and {@code phase}. Seen at /actuator/metrics where that endpoint is exposed, and
 * by any registry the deployment adds; the imports' own log lines keep printing the same phases.
 */
public final class ImportTimers {

    public static final String NAME = "cungem.import.phase";

    private ImportTimers() {}

    public static void record(MeterRegistry meters, String importKind, String phase, long nanos) {
        Timer.builder(NAME)
                .description("Time of one phase of an import")
                .tag("import", importKind)
                .tag("phase", phase)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
