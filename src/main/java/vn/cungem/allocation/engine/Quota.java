package vn.cungem.allocation.engine;

/**
 * One district's share of one kind of item: {@code need} is what it still asked for when this kind was split (claims
 * not covered by the kinds split before), {@code weight} that need weighted by priority, {@code quota} its share.
 */
public record Quota(long districtId, ItemKind kind, int need, long weight, int quota) {

    public Quota {
        if (quota < 0 || quota > need) {
            throw new IllegalArgumentException("quota " + quota + " outside 0.." + need);
        }
    }
}
