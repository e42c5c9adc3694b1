package vn.cungem.audit.integrity;

import java.time.Instant;
import java.util.List;
import vn.cungem.shared.integrity.IntegrityFinding;

/** One run of the integrity checks: when, who or what started it, and what each check found. */
public record IntegrityRun(
        long id,
        Instant startedAt,
        Instant finishedAt,
        Trigger trigger,
        String startedBy,
        Outcome outcome,
        List<CheckResult> results) {

    public enum Trigger {
        SCHEDULED,
        MANUAL
    }

    public enum Outcome {
        PASSED,
        FAILED,
        ERROR
    }

    public IntegrityRun {
        results = List.copyOf(results);
    }

    /** What one check found; {@code sample} holds at most {@code IntegrityCheck.SAMPLE} of the findings. */
    public record CheckResult(
            String code,
            Outcome outcome,
            long findings,
            String errorKind,
            long durationMillis,
            List<IntegrityFinding> sample) {

        public CheckResult {
            sample = List.copyOf(sample);
        }
    }

    /** An error anywhere makes the run an error (its answer is incomplete); otherwise any finding fails it. */
    static Outcome overall(List<CheckResult> results) {
        if (results.stream().anyMatch(r -> r.outcome() == Outcome.ERROR)) {
            return Outcome.ERROR;
        }
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? Outcome.FAILED : Outcome.PASSED;
    }
}
