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
        int[] covered = new int[pools];
        for (ItemKind kind : ItemKind.DEVICES) {
            int k = kind.ordinal();
            int[] n = new int[pools];
            long[] w = new long[pools];
            for (int p = 0; p < pools; p++) {
                int from = claims.poolStart[p] + covered[p];
                n[p] = claims.poolStart[p + 1] - from;
                w[p] = claims.weightPrefix[claims.poolStart[p + 1]] - claims.weightPrefix[from];
            }
            int[] q = LargestRemainder.split(stock.supply[k], n, w);
            for (int p = 0; p < pools; p++) {
                need[p][k] = n[p];
                weight[p][k] = w[p];
                quota[p][k] = q[p];
                covered[p] += q[p];
            }
        }
        int[] online = new int[pools];
        for (ItemKind kind : ItemKind.CONNECTIVITY) {
            int k = kind.ordinal();
            int[] n = new int[pools];
            long[] w = new long[pools];
            for (int p = 0; p < pools; p++) {
                int offline = claims.noNetStart[p + 1] - claims.noNetStart[p];
                int asked = rules.connectivityWithDevice() ? Math.min(offline, covered[p]) : 0;
                int from = claims.noNetStart[p] + online[p];
                n[p] = Math.max(0, asked - online[p]);
                w[p] = claims.noNetPrefix[from + n[p]] - claims.noNetPrefix[from];
            }
            int[] q = LargestRemainder.split(stock.supply[k], n, w);
            for (int p = 0; p < pools; p++) {
                need[p][k] = n[p];
                weight[p][k] = w[p];
                quota[p][k] = q[p];
                online[p] += q[p];
            }
        }
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
}
