package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 1: each kind's supply split among districts in proportion to need weighted by priority ({@link
 * LargestRemainder}). Devices are split in the order laptop, desktop, tablet, smartphone, each on the need the kinds
 * before left uncovered, so a district never gets more devices than it has claims; SIMs then Wi-Fi devices the same way,
 * on the need of claims without internet that the district's devices can serve. The weight of a need is the sum of
 * (priority + 1) of the claims it stands for, taken from the top of the district's list down.
 */
final class QuotaStage {

    private QuotaStage() {}

    static List<Quota> split(Claimants claims, Stock stock, Rules rules) {
        int pools = claims.pools();
        int kinds = ItemKind.values().length;
        int[][] need = new int[pools][kinds];
        long[][] weight = new long[pools][kinds];
        int[][] quota = new int[pools][kinds];
        int[] claimsOf = new int[pools];
        for (int p = 0; p < pools; p++) {
            claimsOf[p] = claims.poolStart[p + 1] - claims.poolStart[p];
        }
        int[] devices =
                cascade(ItemKind.DEVICES, stock, claims.poolStart, claimsOf, claims.weightPrefix, need, weight, quota);
        int[] offlineServed = new int[pools];
        for (int p = 0; p < pools; p++) {
            int offline = claims.noNetStart[p + 1] - claims.noNetStart[p];
            offlineServed[p] = rules.connectivityWithDevice() ? Math.min(offline, devices[p]) : 0;
        }
        cascade(
                ItemKind.CONNECTIVITY,
                stock,
                claims.noNetStart,
                offlineServed,
                claims.noNetPrefix,
                need,
                weight,
                quota);
        List<Quota> quotas = new ArrayList<>();
        for (int p = 0; p < pools; p++) {
            for (int k = 0; k < kinds; k++) {
                // a kind nobody gave says nothing to a district: listed only when there is some to split
                if (quota[p][k] > 0 || (need[p][k] > 0 && stock.supply[k] > 0)) {
                    quotas.add(new Quota(
                            claims.districtIds[p], ItemKind.values()[k], need[p][k], weight[p][k], quota[p][k]));
                }
            }
        }
        return quotas;
    }

    /**
     * Splits the kinds one after the other. Pool p asks for {@code asked[p]} claims, listed from {@code start[p]} in
     * the order of {@code prefix} (prefix sums of their weights); each kind covers part of what the kinds before left.
     * Returns how many claims of each pool the kinds cover together.
     */
    private static int[] cascade(
            List<ItemKind> kinds,
            Stock stock,
            int[] start,
            int[] asked,
            long[] prefix,
            int[][] need,
            long[][] weight,
            int[][] quota) {
        int pools = asked.length;
        int[] covered = new int[pools];
        for (ItemKind kind : kinds) {
            int k = kind.ordinal();
            int[] n = new int[pools];
            long[] w = new long[pools];
            for (int p = 0; p < pools; p++) {
                n[p] = asked[p] - covered[p];
                w[p] = prefix[start[p] + asked[p]] - prefix[start[p] + covered[p]];
            }
            int[] q = LargestRemainder.split(stock.supply[k], n, w);
            for (int p = 0; p < pools; p++) {
                need[p][k] = n[p];
                weight[p][k] = w[p];
                quota[p][k] = q[p];
                covered[p] += q[p];
            }
        }
        return covered;
    }
}
