package vn.cungem.allocation.engine;

import java.util.List;

/**
 * Stage 2 inside one district: its claims (in serving order) and the items of its quotas.
 *
 * <p>Who is served: claims are taken from the highest priority down, and a claim joins the served set when the set
 * can still be matched to the district's devices, by Hall's condition. Because an item suits every level up to its
 * class, the suitable sets are nested and Hall's condition is one inequality per level (served claims at that level
 * or above ≤ devices of that class or above), checked with counters. The sets that can be matched form a matroid (a
 * transversal matroid), so this greedy choice maximises the total priority served, and no claim is refused while a
 * lower one takes a device the first could use (docs/allocation.md has the proof).
 *
 * <p>Which device each gets: in the same order, the kind preferred for the level, then the nearest, then the least
 * versatile class that suits (keeping versatile ones for those who need them), then an item with its own connectivity
 * for a home without internet; an item is only taken when the claims still waiting can all be matched after it.
 */
final class PoolMatcher {

    private static final Distance[] NEAREST_FIRST = Distance.values();
    private static final int LEVELS = SchoolLevel.COUNT;
    // an item with its own SIM or Wi-Fi goes first to a home without internet, and last to one with it
    private static final boolean[] PAIRED_FIRST = {true, false};
    private static final boolean[] UNPAIRED_FIRST = {false, true};

    private final Claimants claims;
    private final Stock stock;
    private final boolean[] taken;
    private final int pool;
    private final long districtId;
    private final PlanBuilder out;

    PoolMatcher(Claimants claims, Stock stock, boolean[] taken, int pool, PlanBuilder out) {
        this.claims = claims;
        this.stock = stock;
        this.taken = taken;
        this.pool = pool;
        this.districtId = claims.districtIds[pool];
        this.out = out;
    }

    void match(int[] pooled, int[] caps) {
        int from = claims.poolStart[pool];
        int to = claims.poolStart[pool + 1];
        int[] devicesOfClass = new int[LEVELS];
        int devices = 0;
        for (ItemKind kind : ItemKind.DEVICES) {
            for (int cls = 0; cls < LEVELS; cls++) {
                devicesOfClass[cls] += caps[kind.ordinal() * LEVELS + cls];
                devices += caps[kind.ordinal() * LEVELS + cls];
            }
        }
        // shelves indexed by group (kind and class), and whether the item brings its own connectivity
        Shelf[] shelves = new Shelf[Placement.GROUPS * 2];
        for (int i : pooled) {
            ReadyItem item = stock.items[i];
            int group = Placement.group(item);
            int s = group * 2 + (item.kind().isDevice() && item.pairedConnectivity() ? 1 : 0);
            if (shelves[s] == null) {
                shelves[s] = new Shelf(stock.items, taken, districtId, caps, group);
            }
            shelves[s].add(i);
        }
        boolean[] served = new boolean[to - from];
        int[] servedOfLevel = new int[LEVELS];
        int servedCount = 0;
        for (int c = from; c < to; c++) {
            Applicant student = claims.recipient[c];
            int level = student.level().ordinal();
            servedOfLevel[level]++;
            if (hall(servedOfLevel, devicesOfClass)) {
                served[c - from] = true;
                servedCount++;
            } else {
                servedOfLevel[level]--;
                Reason reason = devices == 0
                        ? Reason.NO_DEVICE_FOR_DISTRICT
                        : servedCount == devices ? Reason.QUOTA_USED_UP : Reason.NO_SUITABLE_ITEM;
                out.leftOut(
                        claims,
                        c,
                        new Why(reason, districtId, c - from + 1, null, null, null, student.level(), 0, devices));
            }
        }
        int[] device = new int[to - from];
        for (int c = from; c < to; c++) {
            if (served[c - from]) {
                device[c - from] = give(c, c - from + 1, shelves, servedOfLevel, devicesOfClass);
            }
        }
        for (int c = from; c < to; c++) {
            if (served[c - from]) {
                connect(c, c - from + 1, stock.items[device[c - from]], shelves);
            }
        }
        for (int i : pooled) {
            if (!taken[i]) {
                ReadyItem item = stock.items[i];
                int group = Placement.group(item);
                if (caps[group] > 0) {
                    caps[group]--;
                    Reason reason =
                            item.kind().isDevice() ? Reason.NO_SUITABLE_STUDENT : Reason.NO_STUDENT_WITHOUT_INTERNET;
                    out.unused(item, Why.ofItem(reason, districtId));
                } else {
                    // an alternate the district did not need: nearer ones of its kind and class were handed out
                    out.unused(item, Why.ofItem(Reason.NOT_NEEDED, item.districtId()));
                }
            }
        }
    }

    private int give(int c, int rank, Shelf[] shelves, int[] waitingOfLevel, int[] devicesOfClass) {
        Applicant student = claims.recipient[c];
        int level = student.level().ordinal();
        List<ItemKind> preferred = ItemKind.preferredFor(student.level());
        boolean[] pairedFirst = student.hasInternet() ? UNPAIRED_FIRST : PAIRED_FIRST;
        for (ItemKind kind : preferred) {
            for (Distance distance : NEAREST_FIRST) {
                for (int cls = level; cls < LEVELS; cls++) {
                    if (!canTake(level, cls, waitingOfLevel, devicesOfClass)) {
                        continue;
                    }
                    for (boolean paired : pairedFirst) {
                        Shelf shelf = shelves[shelf(kind, cls, paired)];
                        int i = shelf == null ? -1 : shelf.take(distance, student);
                        if (i >= 0) {
                            waitingOfLevel[level]--;
                            devicesOfClass[cls]--;
                            ReadyItem item = stock.items[i];
                            boolean first = kind == preferred.get(0);
                            Why why = new Why(
                                    first ? Reason.SERVED : Reason.SERVED_FALLBACK,
                                    districtId,
                                    rank,
                                    kind,
                                    Shelf.distance(item, student),
                                    first ? null : preferred.get(0),
                                    student.level(),
                                    0,
                                    0);
                            out.served(claims, c, item, why);
                            return i;
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("Hall's condition held but no device was found for " + student.id());
    }

    private void connect(int c, int rank, ReadyItem device, Shelf[] shelves) {
        Applicant student = claims.recipient[c];
        if (student.hasInternet() || device.pairedConnectivity()) {
            return;
        }
        for (ItemKind kind : device.kind().connectivityFor()) {
            Shelf shelf = shelves[shelf(kind, 0, false)];
            for (Distance distance : NEAREST_FIRST) {
                int i = shelf == null ? -1 : shelf.take(distance, student);
                if (i >= 0) {
                    ReadyItem item = stock.items[i];
                    out.connected(
                            item,
                            student,
                            new Why(
                                    Reason.CONNECTIVITY,
                                    districtId,
                                    rank,
                                    kind,
                                    Shelf.distance(item, student),
                                    null,
                                    student.level(),
                                    0,
                                    0));
                    return;
                }
            }
        }
        out.note(
                student.id(),
                new Why(Reason.NO_CONNECTIVITY_LEFT, districtId, rank, null, null, null, student.level(), 0, 0));
    }

    private static int shelf(ItemKind kind, int cls, boolean paired) {
        return (kind.ordinal() * LEVELS + cls) * 2 + (paired ? 1 : 0);
    }

    /** Hall's condition for nested sets: at every level, claims at it or above fit in devices of that class or above. */
    private static boolean hall(int[] claimsOfLevel, int[] devicesOfClass) {
        int claimsAbove = 0;
        int devicesAbove = 0;
        for (int k = LEVELS - 1; k >= 0; k--) {
            claimsAbove += claimsOfLevel[k];
            devicesAbove += devicesOfClass[k];
            if (claimsAbove > devicesAbove) {
                return false;
            }
        }
        return true;
    }

    /** Whether a claim of this level may take a device of this class and leave the waiting claims matchable. */
    private static boolean canTake(int level, int cls, int[] waitingOfLevel, int[] devicesOfClass) {
        waitingOfLevel[level]--;
        devicesOfClass[cls]--;
        boolean fits = devicesOfClass[cls] >= 0 && hall(waitingOfLevel, devicesOfClass);
        waitingOfLevel[level]++;
        devicesOfClass[cls]++;
        return fits;
    }
}
