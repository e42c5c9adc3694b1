package vn.cungem.student.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The time the kept counts add to the writes that keep them (issue 15: imports and decisions no more than 10 % slower):
 * {@code cungem.student.tally.upkeep}, wall time of the counts' own reads and writes, and {@code
 * cungem.student.tally.upkeep.cpu}, this thread's CPU time in them. A benchmark reads both around an import or a
 * decision and sets them against the whole, in the same run, with nothing switched off.
 */
public final class UpkeepTimer {

    public static final String WALL = "cungem.student.tally.upkeep";
    public static final String CPU = "cungem.student.tally.upkeep.cpu";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Timer wall;
    private final Timer cpu;

    UpkeepTimer(MeterRegistry meters) {
        this.wall = Timer.builder(WALL)
                .description("Wall time of the registry's kept counts' own statements")
                .register(meters);
        this.cpu = Timer.builder(CPU)
                .description("CPU time of this JVM's thread in the registry's kept counts' own statements")
                .register(meters);
    }

    <T> T time(Supplier<T> upkeep) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        try {
            return upkeep.get();
        } finally {
            wall.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            cpu.record(THREADS.getCurrentThreadCpuTime() - cpuStart, TimeUnit.NANOSECONDS);
        }
    }

    void run(Runnable upkeep) {
        time(() -> {
            upkeep.run();
            return null;
        });
    }
}
