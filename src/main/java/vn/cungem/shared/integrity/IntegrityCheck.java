package vn.cungem.shared.integrity;

import java.util.List;

/**
 * One check of data the database cannot guarantee by itself (sums that must agree across tables, counts kept beside
 * their rows), or that a restore or a hand fix could break (references, append-only guards). A module implements it
 * as a bean over its own tables; the daily integrity run (audit module) finds every bean, runs each, and keeps the
 * outcome for administrators. A check only reads.
 */
public interface IntegrityCheck {

    /** At most this many findings are kept per check and run; the total is still counted. */
    int SAMPLE = 50;

    /**
     * Stable code, {@code <module>.<what>}; the page shows message {@code integrity.check.<code>} (Vietnamese) as its
     * name.
     */
    String code();

    /** What is wrong, empty when all is well; at most {@link #SAMPLE} findings plus the total. */
    Outcome run();

    /** What one run of a check found: the total number of problems and a sample of them. */
    record Outcome(long total, List<IntegrityFinding> sample) {

        public static final Outcome PASSED = new Outcome(0, List.of());

        public Outcome {
            sample = List.copyOf(sample);
        }

        public static Outcome of(List<IntegrityFinding> findings) {
            return new Outcome(findings.size(), findings.stream().limit(SAMPLE).toList());
        }
    }
}
