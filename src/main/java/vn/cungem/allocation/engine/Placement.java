package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which items fill which district's quota. A district keeps its own items first (the most versatile, then by id);
 * items beyond the local quotas, or waiting outside every district with claims, fill the other districts' gaps in
 * district order, the most versatile first. What no quota asks for stays unallocated for a later run, except that a
 * district's own leftover items of a kind and class it keeps stay on its shelves as alternates: the quota counts how
 * many of that kind and class may be handed out ({@link #caps}), and matching picks the ones nearest the students.
 */
final class Placement {

    private static final int ID_BITS = 21;
    private static final int CLASS_BITS = 2;

    /** Item indices (into the stock) per pool, alternates included. */
    final int[][] pooled;
    /** Per pool and {@link #group}: how many of the pool's items of that kind and class may be handed out. */
    final int[][] caps;
    /** Item indices nobody's quota asks for. */
    final int[] spare;

    private Placement(int[][] pooled, int[][] caps, int[] spare) {
        this.pooled = pooled;
        this.caps = caps;
        this.spare = spare;
    }

    static final int GROUPS = ItemKind.values().length * SchoolLevel.COUNT;

    /** Items of one group are interchangeable for who can be served: same kind, same class (for devices). */
    static int group(ReadyItem item) {
        return item.kind().ordinal() * SchoolLevel.COUNT
                + (item.kind().isDevice() ? item.suitsUpTo().ordinal() : 0);
    }

    static Placement of(Claimants claims, Stock stock, List<Quota> quotas) {
        int pools = claims.pools();
        int kinds = ItemKind.values().length;
        int[][] wanted = new int[pools][kinds];
        int[] asked = new int[kinds];
        for (Quota quota : quotas) {
            int p = claims.pool(quota.districtId());
            if (p < 0) {
                throw new IllegalArgumentException("quota for a district without claims: " + quota.districtId());
            }
            wanted[p][quota.kind().ordinal()] += quota.quota();
            asked[quota.kind().ordinal()] += quota.quota();
        }
        for (int k = 0; k < kinds; k++) {
            if (asked[k] > stock.supply[k]) {
                throw new IllegalArgumentException("quotas for " + ItemKind.values()[k] + " exceed the supply");
            }
        }
        if (pools >= (1 << 17) - 1) {
            throw new IllegalArgumentException("too many districts for one run: " + pools);
        }
        if (stock.items.length >= 1 << ID_BITS) {
            throw new IllegalArgumentException("too many items for one run: " + stock.items.length);
        }
        long[] keys = new long[stock.items.length];
        for (int i = 0; i < keys.length; i++) {
            ReadyItem item = stock.items[i];
            long pool = Math.max(0, claims.pool(item.districtId()) + 1L); // 0: outside every district with claims
            long rarity = SchoolLevel.COUNT - 1 - item.suitsUpTo().ordinal();
            keys[i] = ((long) item.kind().ordinal() << 40 | pool << 23) | rarity << ID_BITS | i;
        }
        Arrays.sort(keys);
        List<List<Integer>> lists = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            lists.add(new ArrayList<>());
        }
        List<Integer> spare = new ArrayList<>();
        List<Long> leftovers = new ArrayList<>();
        int at = 0;
        for (int k = 0; k < kinds; k++) {
            List<Long> free = new ArrayList<>();
            while (at < keys.length && (int) (keys[at] >>> 40) == k) {
                int i = (int) (keys[at] & ((1L << ID_BITS) - 1));
                int p = (int) ((keys[at] >>> 23) & ((1L << 17) - 1)) - 1;
                if (p >= 0 && wanted[p][k] > 0) {
                    lists.get(p).add(i);
                    wanted[p][k]--;
                } else {
                    free.add(keys[at] & ((1L << (ID_BITS + CLASS_BITS)) - 1));
                }
                at++;
            }
            free.sort(null);
            int next = 0;
            for (int p = 0; p < pools; p++) {
                while (wanted[p][k] > 0) {
                    lists.get(p).add((int) (free.get(next++) & ((1L << ID_BITS) - 1)));
                    wanted[p][k]--;
                }
            }
            leftovers.addAll(free.subList(next, free.size()));
        }
        int[][] caps = new int[pools][GROUPS];
        for (int p = 0; p < pools; p++) {
            for (int i : lists.get(p)) {
                caps[p][group(stock.items[i])]++;
            }
        }
        for (long key : leftovers) {
            int i = (int) (key & ((1L << ID_BITS) - 1));
            int p = claims.pool(stock.items[i].districtId());
            if (p >= 0 && caps[p][group(stock.items[i])] > 0) {
                lists.get(p).add(i);
            } else {
                spare.add(i);
            }
        }
        int[][] pooled = new int[pools][];
        for (int p = 0; p < pools; p++) {
            pooled[p] = lists.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Placement(
                pooled,
                caps,
                spare.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
}
