package vn.cungem.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LargestRemainderTests {

    @Test
    void givesTheLeftoverUnitsToTheLargestRemainders() {
        // shares 10 × 5/12, 4/12, 3/12 = 4.17, 3.33, 2.5: floors 4+3+2 = 9, the one left goes to 2.5
        assertThat(LargestRemainder.split(10, new int[] {100, 100, 100}, new long[] {5, 4, 3}))
                .containsExactly(4, 3, 3);
    }

    @Test
    void neverGivesMoreThanADistrictAskedAndSplitsTheRestAgain() {
        // district 0 would get 10 × 8/10 = 8 but asked for 2; the other 8 go 4.8 / 3.2 → 5 / 3
        assertThat(LargestRemainder.split(10, new int[] {2, 50, 50}, new long[] {8, 3, 2}))
                .containsExactly(2, 5, 3);
    }

    @Test
    void breaksTiesByWeightThenByDistrictOrder() {
        assertThat(LargestRemainder.split(1, new int[] {5, 5}, new long[] {7, 7}))
                .containsExactly(1, 0);
        assertThat(LargestRemainder.split(2, new int[] {5, 5, 5}, new long[] {2, 2, 2}))
                .containsExactly(1, 1, 0);
    }

    @Test
    void givesEveryoneTheirNeedWhenTheSupplyCoversIt() {
        assertThat(LargestRemainder.split(100, new int[] {3, 0, 7}, new long[] {9, 0, 1}))
                .containsExactly(3, 0, 7);
    }

    @Test
    void addsUpExactlyAndStaysWithinOneOfTheExactShareOnRandomInputs() {
        for (long seed = 1; seed <= 2_000; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int n = 1 + random.nextInt(12);
            int[] need = new int[n];
            long[] weight = new long[n];
            long totalNeed = 0;
            for (int i = 0; i < n; i++) {
                need[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(40);
                weight[i] = need[i] == 0 ? 0 : need[i] + random.nextInt(1 + need[i] * 100);
                totalNeed += need[i];
            }
            int supply = random.nextInt(1 + (int) totalNeed + 5);
            int[] quota = LargestRemainder.split(supply, need, weight);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                assertThat(quota[i]).as("seed %d", seed).isBetween(0, need[i]);
                sum += quota[i];
            }
            assertThat(sum).as("seed %d", seed).isEqualTo(Math.min(supply, totalNeed));
            // a district below its need never has less than its uncapped proportional share of what was split
            // among the uncapped minus one, nor more than it plus one: checked pairwise, in exact integers
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b && quota[a] < need[a] && need[b] > 0 && weight[a] > 0) {
                        // (quota[b] - 1) / weight[b] < (quota[a] + 1) / weight[a]: no transfer b → a is fairer
                        BigInteger left = BigInteger.valueOf(quota[b] - 1L).multiply(BigInteger.valueOf(weight[a]));
                        BigInteger right = BigInteger.valueOf(quota[a] + 1L).multiply(BigInteger.valueOf(weight[b]));
                        assertThat(left).as("seed %d, %d vs %d", seed, a, b).isLessThan(right);
                    }
                }
            }
        }
    }
}
