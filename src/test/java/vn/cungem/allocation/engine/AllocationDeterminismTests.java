package vn.cungem.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.AllocationInstances.Shape;

/** The same input gives the same plan byte for byte, whatever order the students and items come in; what-ifs compare. */
class AllocationDeterminismTests {

    private static final Shape SHAPE = new Shape(5_000, 1_500, 200, 10, 4);

    @Test
    void theSameInputGivesTheSamePlanByteForByte() {
        AllocationInput input = AllocationInstances.generate(42, SHAPE, Rules.DEFAULT);
        assertThat(PlanText.write(AllocationEngine.plan(input)))
                .isEqualTo(PlanText.write(AllocationEngine.plan(input)));
    }

    @Test
    void shufflingTheInputChangesNothing() {
        for (long seed = 1; seed <= 5; seed++) {
            AllocationInput input = AllocationInstances.generate(seed, SHAPE, Rules.DEFAULT);
            List<Applicant> students = new ArrayList<>(input.applicants());
            List<ReadyItem> items = new ArrayList<>(input.items());
            Collections.shuffle(students, new Random(seed));
            Collections.shuffle(items, new Random(seed + 1));
            AllocationInput shuffled = new AllocationInput(students, items, input.rules());
            assertThat(PlanText.write(AllocationEngine.plan(shuffled)))
                    .as("seed %d", seed)
                    .isEqualTo(PlanText.write(AllocationEngine.plan(input)));
        }
    }

    @Test
    void aWhatIfComparesWhoGainsWhoLosesAndWhoseDeviceChanges() {
        List<Applicant> students = List.of(
                new Applicant(1, 90, 100, 10, 1, SchoolLevel.UPPER_SECONDARY, true, true, 0),
                new Applicant(2, 50, 100, 10, 1, SchoolLevel.UPPER_SECONDARY, true, true, 0),
                new Applicant(3, 40, 100, 10, 1, SchoolLevel.UPPER_SECONDARY, true, true, 5),
                new Applicant(4, 30, 100, 10, 1, SchoolLevel.UPPER_SECONDARY, true, true, 5));
        List<ReadyItem> items = List.of(
                new ReadyItem(11, ItemKind.SMARTPHONE, SchoolLevel.UPPER_SECONDARY, 100, 10, 1, false),
                new ReadyItem(12, ItemKind.TABLET, SchoolLevel.UPPER_SECONDARY, 100, 10, 1, false));
        Plan now = AllocationEngine.plan(new AllocationInput(students, items, Rules.DEFAULT));
        List<ReadyItem> withALaptop = new ArrayList<>(items);
        withALaptop.add(new ReadyItem(13, ItemKind.LAPTOP, SchoolLevel.UPPER_SECONDARY, 100, 10, 1, false));
        Plan whatIf = AllocationEngine.plan(new AllocationInput(students, withALaptop, new Rules(false, true)));

        PlanComparison comparison = PlanComparison.between(now, whatIf);
        // now: 1 tablet, 2 smartphone, household 3+4 nothing; what-if: 1 laptop, 2 tablet, 3 smartphone, 4 nothing
        assertThat(comparison.gained())
                .extracting(PlanComparison.Change::studentId)
                .containsExactly(3L);
        assertThat(comparison.lost()).isEmpty();
        assertThat(comparison.moved())
                .extracting(PlanComparison.Change::studentId)
                .containsExactly(1L, 2L);
        assertThat(comparison.moved().get(0).kindAfter()).isEqualTo(ItemKind.LAPTOP);
        assertThat(PlanComparison.between(now, now).moved()).isEmpty();
        assertThat(PlanComparison.between(whatIf, now).lost())
                .extracting(PlanComparison.Change::studentId)
                .containsExactly(3L);
    }
}
