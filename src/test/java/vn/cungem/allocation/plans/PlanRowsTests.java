package vn.cungem.allocation.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.Assignment;
import vn.cungem.allocation.engine.ItemKind;

class PlanRowsTests {

    @Test
    void decisionsAreOrderedByStudentThenEngineOrderWhetherIdsPackOrNot() {
        for (long base : new long[] {1, 1L << 50}) {
            long seed = 20261206L + base;
            Random random = new Random(seed);
            List<Assignment> assignments = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                assignments.add(new Assignment(i, base + random.nextInt(2_000), ItemKind.LAPTOP, null));
            }
            int[] expected = IntStream.range(0, assignments.size())
                    .boxed()
                    .sorted(Comparator.<Integer>comparingLong(
                                    i -> assignments.get(i).studentId())
                            .thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertThat(PlanRows.studentOrder(assignments)).as("seed %d", seed).containsExactly(expected);
        }
    }
}
