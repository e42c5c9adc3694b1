package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a supply among districts in proportion to their weights, never more than a district's need, so that the
 * shares add up exactly to the supply (or to the total need, when the supply covers it).
 *
 * <p>First the exact proportional shares with the caps ("water-filling"): a district whose proportional share would
 * pass its need gets its need, and the rest is split again among the others; taking the districts in increasing
 * need/weight order, this settles in one pass. Then the largest-remainder rule (Hamilton's method): every uncapped
 * district gets the whole part of its share, and the units left go one each to the largest fractional parts, ties
 * going to the larger weight, then to the earlier district. All arithmetic is on integers: the fractional parts are
 * compared exactly, so no rounding of a double can change a plan.
 */
final class LargestRemainder {

    private LargestRemainder() {}

    static int[] split(int supply, int[] need, long[] weight) {
        int n = need.length;
        int[] quota = new int[n];
        long totalNeed = 0;
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (need[i] < 0 || weight[i] < 0 || (need[i] > 0 && weight[i] == 0)) {
                throw new IllegalArgumentException("need and weight must be positive together at " + i);
            }
            if (need[i] > 0) {
                active.add(i);
                totalNeed += need[i];
            }
        }
        if (supply >= totalNeed) {
            return need.clone();
        }
        // need/weight ascending, compared as cross products so that no division rounds
        active.sort((a, b) -> {
            int byRatio = Long.compare(
                    Math.multiplyExact((long) need[a], weight[b]), Math.multiplyExact((long) need[b], weight[a]));
            return byRatio != 0 ? byRatio : Integer.compare(a, b);
        });
        long rest = supply;
        long restWeight = 0;
        for (int i : active) {
            restWeight += weight[i];
        }
        int first = 0;
        while (first < active.size()) {
            int i = active.get(first);
            if (Math.multiplyExact(rest, weight[i]) < Math.multiplyExact((long) need[i], restWeight)) {
                break;
            }
            quota[i] = need[i];
            rest -= need[i];
            restWeight -= weight[i];
            first++;
        }
        List<Integer> uncapped = new ArrayList<>(active.subList(first, active.size()));
        long[] remainder = new long[n];
        long handed = 0;
        for (int i : uncapped) {
            long share = Math.multiplyExact(rest, weight[i]);
            quota[i] = (int) (share / restWeight);
            remainder[i] = share % restWeight;
            handed += quota[i];
        }
        uncapped.sort(Comparator.<Integer>comparingLong(i -> -remainder[i])
                .thenComparingLong(i -> -weight[i])
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < rest - handed; k++) {
            quota[uncapped.get(k)]++;
        }
        return quota;
    }
}
