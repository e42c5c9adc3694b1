package vn.cungem.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.AllocationInstances.Shape;

/**
 * The engine at national scale: 1,000,000 approved students, 300,000 items, 40,000 schools (3,334 communes, 667
 * districts), generated in memory from a fixed seed, planned five times (the first run includes the JIT's warm-up).
 * Not a timed assertion: run it on purpose, with the heap the issue allows,
 *
 * <pre>MAVEN_OPTS=-Xmx2g ./mvnw -q -o test -Dtest=AllocationEngineBenchmark -Dbench=true -DforkCount=0</pre>
 *
 * ({@code -DforkCount=0} runs the test inside Maven's JVM, so {@code MAVEN_OPTS} sets its heap.) See docs/benchmarks.md,
 * "Allocation engine".
 */
class AllocationEngineBenchmark {

    private static final long SEED = 20_260_901L;
    private static final int RUNS = 5;

    @Test
    void plansANationInMemory() {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long t = System.nanoTime();
        AllocationInput input = AllocationInstances.generate(SEED, Shape.NATIONAL, Rules.DEFAULT);
        System.out.printf(
                "generated %,d students, %,d items in %,d ms; heap max %,d MB, %d processors%n",
                input.applicants().size(),
                input.items().size(),
                (System.nanoTime() - t) / 1_000_000,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Plan plan = null;
        for (int run = 1; run <= RUNS; run++) {
            System.gc();
            resetPeaks();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            plan = AllocationEngine.plan(input);
            long wallMs = (System.nanoTime() - wall) / 1_000_000;
            long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
            System.out.printf(
                    "run %d: engine %,d ms wall, %,d ms CPU (this thread); heap peak %,d MB%n",
                    run, wallMs, cpuMs, peakHeapMb());
        }
        long devices =
                plan.assignments().stream().filter(a -> a.kind().isDevice()).count();
        System.out.printf(
                "plan: %,d quotas, %,d items handed out (%,d devices), %,d student notes, %,d items not handed out%n",
                plan.quotas().size(),
                plan.assignments().size(),
                devices,
                plan.notes().size(),
                plan.unused().size());
        assertThat(plan.assignments().size() + plan.unused().size())
                .isEqualTo(input.items().size());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
