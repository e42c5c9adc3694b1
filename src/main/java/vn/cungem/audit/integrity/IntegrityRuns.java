package vn.cungem.audit.integrity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.integrity.IntegrityCheck;
import vn.cungem.shared.integrity.IntegrityFinding;

/**
 * Runs every {@link IntegrityCheck} the modules provide and keeps the outcome. A check that throws is recorded as an
 * error (the kind of exception, never its message: a message could quote data) and the others still run. Checks read
 * outside any transaction of ours; the outcome is written in one short transaction at the end, so a run is either
 * stored whole or not at all.
 */
@Service
public class IntegrityRuns {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityRuns.class);

    /** Arguments are stored in one column, joined by the ASCII unit separator, which no argument contains. */
    static final String SEPARATOR = "\u001f";

    private final List<IntegrityCheck> checks;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    IntegrityRuns(List<IntegrityCheck> checks, JdbcClient jdbc, TransactionTemplate tx, Optional<Clock> clock) {
        this.checks = checks.stream()
                .sorted(Comparator.comparing(IntegrityCheck::code))
                .toList();
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public List<String> checkCodes() {
        return checks.stream().map(IntegrityCheck::code).toList();
    }

    /** Runs all checks now and returns the stored run. */
    public IntegrityRun runAll(IntegrityRun.Trigger trigger, String startedBy) {
        Instant started = clock.instant();
        List<IntegrityRun.CheckResult> results = new ArrayList<>();
        for (IntegrityCheck check : checks) {
            long t0 = System.nanoTime();
            IntegrityRun.CheckResult result;
            try {
                IntegrityCheck.Outcome outcome = check.run();
                result = new IntegrityRun.CheckResult(
                        check.code(),
                        outcome.total() == 0 ? IntegrityRun.Outcome.PASSED : IntegrityRun.Outcome.FAILED,
                        outcome.total(),
                        null,
                        elapsed(t0),
                        outcome.sample());
            } catch (RuntimeException e) {
                LOG.error("Integrity check {} could not run", check.code(), e);
                result = new IntegrityRun.CheckResult(
                        check.code(),
                        IntegrityRun.Outcome.ERROR,
                        0,
                        e.getClass().getSimpleName(),
                        elapsed(t0),
                        List.of());
            }
            results.add(result);
        }
        Instant finished = clock.instant();
        IntegrityRun.Outcome outcome = IntegrityRun.overall(results);
        long id = tx.execute(status -> store(trigger, startedBy, started, finished, outcome, results));
        LOG.info("Integrity run {}: {} ({} checks, {} findings)", id, outcome, results.size(), total(results));
        return new IntegrityRun(id, started, finished, trigger, startedBy, outcome, results);
    }

    /** The newest run, with its results and findings. */
    public Optional<IntegrityRun> latest() {
        return recent(1).stream().findFirst().map(run -> withResults(run.id(), run));
    }

    /** The newest runs, without their results. */
    public List<IntegrityRun> recent(int limit) {
        return jdbc.sql("""
                        select id, started_at, finished_at, trigger_kind, started_by_name, outcome
                          from integrity_run order by started_at desc, id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new IntegrityRun(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(),
                        IntegrityRun.Trigger.valueOf(rs.getString(4)),
                        rs.getString(5),
                        IntegrityRun.Outcome.valueOf(rs.getString(6)),
                        List.of()))
                .list();
    }

    private IntegrityRun withResults(long runId, IntegrityRun run) {
        List<IntegrityRun.CheckResult> results = jdbc.sql("""
                        select id, check_code, outcome, findings, error_kind, duration_ms
                          from integrity_check_result where run_id = ? order by check_code""")
                .param(runId)
                .query((rs, n) -> new IntegrityRun.CheckResult(
                        rs.getString(2),
                        IntegrityRun.Outcome.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getLong(6),
                        findings(rs.getLong(1))))
                .list();
        return new IntegrityRun(
                run.id(), run.startedAt(), run.finishedAt(), run.trigger(), run.startedBy(), run.outcome(), results);
    }

    private List<IntegrityFinding> findings(long resultId) {
        return jdbc.sql("select message_key, arguments from integrity_finding where check_result_id = ? order by id")
                .param(resultId)
                .query((rs, n) -> new IntegrityFinding(
                        rs.getString(1),
                        rs.getString(2).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(2).split(SEPARATOR, -1))))
                .list();
    }

    private long store(
            IntegrityRun.Trigger trigger,
            String startedBy,
            Instant started,
            Instant finished,
            IntegrityRun.Outcome outcome,
            List<IntegrityRun.CheckResult> results) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into integrity_run (started_at, finished_at, trigger_kind, started_by_name, outcome,
                                                   checks_run, findings)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(started),
                        Timestamp.from(finished),
                        trigger.name(),
                        startedBy,
                        outcome.name(),
                        results.size(),
                        (int) Math.min(Integer.MAX_VALUE, total(results)))
                .update(key, "id");
        long runId = key.getKey().longValue();
        for (IntegrityRun.CheckResult result : results) {
            GeneratedKeyHolder resultKey = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into integrity_check_result (run_id, check_code, outcome, findings, error_kind,
                                                                duration_ms)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            runId,
                            result.code(),
                            result.outcome().name(),
                            (int) Math.min(Integer.MAX_VALUE, result.findings()),
                            result.errorKind(),
                            result.durationMillis())
                    .update(resultKey, "id");
            long resultId = resultKey.getKey().longValue();
            for (IntegrityFinding finding : result.sample()) {
                String arguments = String.join(SEPARATOR, finding.arguments());
                jdbc.sql("insert into integrity_finding (check_result_id, message_key, arguments) values (?, ?, ?)")
                        .params(
                                resultId,
                                finding.messageKey(),
                                arguments.length() > 2000 ? arguments.substring(0, 2000) : arguments)
                        .update();
            }
        }
        return runId;
    }

    private static long total(List<IntegrityRun.CheckResult> results) {
        return results.stream().mapToLong(IntegrityRun.CheckResult::findings).sum();
    }

    private static long elapsed(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
