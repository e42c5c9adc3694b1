package vn.cungem.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM and by the PostgreSQL backends serving this database, for benchmarks on a shared
 * machine: wall time there depends on what else runs, CPU time much less. The database figure needs PostgreSQL on the
 * same Linux machine (it reads {@code /proc}); elsewhere, and on H2, it is -1.
 */
public record CpuClock(long appCpuMs, long databaseCpuMs, long wallNanos) {

    private static final long TICKS_PER_SECOND = 100;

    public static CpuClock now(JdbcClient jdbc) {
        long app = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
        return new CpuClock(app, databaseCpuMs(jdbc), System.nanoTime());
    }

    /** "wall 7,812 ms; CPU: app 9,100 ms, database 4,200 ms" since {@code start}. */
    public String since(CpuClock start) {
        CpuClock end = this;
        return String.format(
                "wall %,d ms; CPU: app %,d ms, database %s",
                (end.wallNanos - start.wallNanos) / 1_000_000,
                end.appCpuMs - start.appCpuMs,
                end.databaseCpuMs < 0 || start.databaseCpuMs < 0
                        ? "n/a"
                        : String.format("%,d ms", end.databaseCpuMs - start.databaseCpuMs));
    }

    private static long databaseCpuMs(JdbcClient jdbc) {
        try {
            List<Integer> pids = jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
                    .query(Integer.class)
                    .list();
            long ticks = 0;
            for (int pid : pids) {
                String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
                // Fields after the command name in parentheses; utime and stime are fields 14 and 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (RuntimeException | IOException e) {
            return -1;
        }
    }
}
