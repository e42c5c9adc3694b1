package vn.cungem.allocation.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.security.Caller;

/**
 * Two stored plans of a campaign side by side, in the reader's units: who gains a device in the second, who loses
 * theirs, whose device changes (the engine's {@code PlanComparison} on stored plans, by item tag).
 */
@Component
public class PlanComparisons {

    public static final int SHOWN = 100;

    public record Change(long studentId, String before, String after) {}

    /** Counts of each, and the first {@link #SHOWN} of each in student order. */
    public record Comparison(
            long first,
            long second,
            int gainedCount,
            int lostCount,
            int movedCount,
            List<Change> gained,
            List<Change> lost,
            List<Change> moved) {}

    private final PlanAccess access;
    private final PlanQueries queries;

    PlanComparisons(PlanAccess access, PlanQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    public Comparison between(long campaignId, long first, long second, Caller caller) {
        access.readable(campaignId, first, caller);
        access.readable(campaignId, second, caller);
        Map<Long, String> a = queries.devices(first, caller);
        Map<Long, String> b = queries.devices(second, caller);
        TreeSet<Long> students = new TreeSet<>(a.keySet());
        students.addAll(b.keySet());
        List<Change> gained = new ArrayList<>();
        List<Change> lost = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        int[] counts = new int[3];
        for (long s : students) {
            String x = a.get(s);
            String y = b.get(s);
            Change c = new Change(s, x, y);
            if (x == null) {
                add(gained, c, counts, 0);
            } else if (y == null) {
                add(lost, c, counts, 1);
            } else if (!x.equals(y)) {
                add(moved, c, counts, 2);
            }
        }
        return new Comparison(first, second, counts[0], counts[1], counts[2], gained, lost, moved);
    }

    private static void add(List<Change> list, Change c, int[] counts, int which) {
        counts[which]++;
        if (list.size() < SHOWN) {
            list.add(c);
        }
    }
}
