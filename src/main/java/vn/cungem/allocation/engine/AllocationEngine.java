package vn.cungem.allocation.engine;

import java.util.List;

/**
 * The allocation engine: plain Java, no Spring, no database, no clock (an ArchUnit test keeps it so). It changes
 * nothing: every run is a what-if, and the caller decides what to keep. The two stages run together ({@link #plan})
 * or apart ({@link #quotas}, then {@link #match} with those quotas or with quotas a manager adjusted).
 */
public final class AllocationEngine {

    private AllocationEngine() {}

    public static Plan plan(AllocationInput input) {
        Claimants claims = Claimants.of(input.applicants(), input.rules());
        Stock stock = new Stock(input.items());
        return match(claims, stock, QuotaStage.split(claims, stock, input.rules()));
    }

    /** Stage 1 alone: each kind's supply split among districts. */
    public static List<Quota> quotas(AllocationInput input) {
        Claimants claims = Claimants.of(input.applicants(), input.rules());
        return QuotaStage.split(claims, new Stock(input.items()), input.rules());
    }

    /** Stage 2 alone, with the given quotas (which must not ask for more of a kind than there is). */
    public static Plan match(AllocationInput input, List<Quota> quotas) {
        return match(Claimants.of(input.applicants(), input.rules()), new Stock(input.items()), quotas);
    }

    private static Plan match(Claimants claims, Stock stock, List<Quota> quotas) {
        Placement placement = Placement.of(claims, stock, quotas);
        boolean[] taken = new boolean[stock.items.length];
        PlanBuilder out = new PlanBuilder();
        for (int p = 0; p < claims.pools(); p++) {
            new PoolMatcher(claims, stock, taken, p, out).match(placement.pooled[p], placement.caps[p]);
        }
        for (int i : placement.spare) {
            out.unused(stock.items[i], Why.ofItem(Reason.NOT_NEEDED, stock.items[i].districtId()));
        }
        return out.build(quotas);
    }
}
