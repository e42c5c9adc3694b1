package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims to serve, one per student needing a device, or one per household when siblings share: in the order
 * matching serves them (district, then priority highest first, then student id), with each district's range.
 */
final class Claimants {

    private static final int ID_BITS = 21;
    private static final int PRIORITY_BITS = 20;
    private static final int POOL_BITS = 63 - ID_BITS - PRIORITY_BITS;

    /** The student who receives the claim's device, in serving order. */
    final Applicant[] recipient;
    /** Siblings who share the recipient's device (null: none), in id order. */
    final long[][] siblings;
    /** The districts (pools), ascending; pool p's claims are {@code poolStart[p] .. poolStart[p+1]-1}. */
    final long[] districtIds;

    final int[] poolStart;
    /** Prefix sums of (priority + 1) in serving order: a district's weight for any run of its claims. */
    final long[] weightPrefix;
    /** Serving positions of claims whose recipient has no internet; pool p's are {@code noNetStart[p] ..}. */
    final int[] noNet;

    final int[] noNetStart;
    final long[] noNetPrefix;

    private Claimants(Applicant[] recipient, long[][] siblings, long[] districtIds, int[] poolStart) {
        this.recipient = recipient;
        this.siblings = siblings;
        this.districtIds = districtIds;
        this.poolStart = poolStart;
        int n = recipient.length;
        weightPrefix = new long[n + 1];
        int offline = 0;
        for (int i = 0; i < n; i++) {
            weightPrefix[i + 1] = weightPrefix[i] + recipient[i].priority() + 1;
            if (!recipient[i].hasInternet()) {
                offline++;
            }
        }
        noNet = new int[offline];
        noNetPrefix = new long[offline + 1];
        noNetStart = new int[districtIds.length + 1];
        int k = 0;
        for (int p = 0; p < districtIds.length; p++) {
            noNetStart[p] = k;
            for (int i = poolStart[p]; i < poolStart[p + 1]; i++) {
                if (!recipient[i].hasInternet()) {
                    noNet[k] = i;
                    noNetPrefix[k + 1] = noNetPrefix[k] + recipient[i].priority() + 1;
                    k++;
                }
            }
        }
        noNetStart[districtIds.length] = k;
    }

    int pools() {
        return districtIds.length;
    }

    /** The pool of this district, or a negative number when no claim is there. */
    int pool(long districtId) {
        return Arrays.binarySearch(districtIds, districtId);
    }

    static Claimants of(List<Applicant> applicants, Rules rules) {
        Applicant[] all = applicants.toArray(Applicant[]::new);
        // stable and linear on input that already comes in id order, as it does from the database
        Arrays.sort(all, Comparator.comparingLong(Applicant::id));
        List<Applicant> needing = new ArrayList<>(all.length);
        for (int i = 0; i < all.length; i++) {
            if (i > 0 && all[i].id() == all[i - 1].id()) {
                throw new IllegalArgumentException("student listed twice: " + all[i].id());
            }
            if (all[i].needsDevice()) {
                needing.add(all[i]);
            }
        }
        Applicant[] students = needing.toArray(Applicant[]::new);
        boolean[] claims = new boolean[students.length];
        Map<Integer, List<Long>> shared = households(students, rules, claims);
        long[] districts = distinctDistricts(students, claims);
        int[] order = servingOrder(students, claims, districts);
        Applicant[] recipient = new Applicant[order.length];
        long[][] siblings = new long[order.length][];
        int[] poolStart = new int[districts.length + 1];
        int pool = 0;
        for (int i = 0; i < order.length; i++) {
            recipient[i] = students[order[i]];
            List<Long> others = shared.get(order[i]);
            if (others != null) {
                siblings[i] = others.stream().mapToLong(Long::longValue).toArray();
            }
            while (districts[pool] != recipient[i].districtId()) {
                poolStart[++pool] = i;
            }
        }
        while (pool < districts.length) {
            poolStart[++pool] = order.length;
        }
        return new Claimants(recipient, siblings, districts, poolStart);
    }

    /**
     * Marks which students carry a claim. Sharing siblings are served through the highest-priority one of them (the
     * lowest id on a tie): the household's claim is as urgent as its most urgent child.
     */
    private static Map<Integer, List<Long>> households(Applicant[] students, Rules rules, boolean[] claims) {
        Map<Integer, List<Long>> shared = new HashMap<>();
        if (!rules.siblingsShareDevice()) {
            Arrays.fill(claims, true);
            return shared;
        }
        Map<Long, Integer> head = new HashMap<>();
        for (int i = 0; i < students.length; i++) {
            long key = students[i].householdKey();
            if (key == 0) {
                claims[i] = true;
                continue;
            }
            Integer current = head.get(key);
            if (current == null || students[i].priority() > students[current].priority()) {
                head.put(key, i);
            }
        }
        for (int i = 0; i < students.length; i++) {
            long key = students[i].householdKey();
            if (key == 0) {
                continue;
            }
            int h = head.get(key);
            if (h == i) {
                claims[i] = true;
            } else {
                shared.computeIfAbsent(h, x -> new ArrayList<>()).add(students[i].id());
            }
        }
        return shared;
    }

    private static long[] distinctDistricts(Applicant[] students, boolean[] claims) {
        long[] ids = new long[students.length];
        int n = 0;
        for (int i = 0; i < students.length; i++) {
            if (claims[i]) {
                ids[n++] = students[i].districtId();
            }
        }
        ids = Arrays.copyOf(ids, n);
        Arrays.sort(ids);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || ids[i] != ids[k - 1]) {
                ids[k++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, k);
    }

    /** Claim indices by district, priority (highest first), id: sorted as packed longs, fast at national scale. */
    private static int[] servingOrder(Applicant[] students, boolean[] claims, long[] districts) {
        int count = 0;
        for (boolean claim : claims) {
            if (claim) count++;
        }
        int[] order = new int[count];
        if (students.length < (1 << ID_BITS) && districts.length < (1 << POOL_BITS)) {
            long[] keys = new long[count];
            int k = 0;
            for (int i = 0; i < students.length; i++) {
                if (claims[i]) {
                    long pool = Arrays.binarySearch(districts, students[i].districtId());
                    long urgency = Applicant.MAX_PRIORITY - students[i].priority();
                    keys[k++] = pool << (ID_BITS + PRIORITY_BITS) | urgency << ID_BITS | i;
                }
            }
            Arrays.sort(keys);
            for (int j = 0; j < count; j++) {
                order[j] = (int) (keys[j] & ((1L << ID_BITS) - 1));
            }
            return order;
        }
        Integer[] boxed = new Integer[count];
        int k = 0;
        for (int i = 0; i < students.length; i++) {
            if (claims[i]) boxed[k++] = i;
        }
        Arrays.sort(
                boxed,
                Comparator.<Integer>comparingLong(i -> students[i].districtId())
                        .thenComparingInt(i -> -students[i].priority())
                        .thenComparingInt(i -> i));
        for (int j = 0; j < count; j++) {
            order[j] = boxed[j];
        }
        return order;
    }
}
