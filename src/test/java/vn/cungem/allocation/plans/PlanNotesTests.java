package vn.cungem.allocation.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.allocation.engine.Distance;
import vn.cungem.allocation.engine.ItemKind;
import vn.cungem.allocation.engine.Reason;
import vn.cungem.allocation.engine.SchoolLevel;

class PlanNotesTests {

    @Test
    void everyNoteReadsBackAsWritten() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<PlanNotes.Note> notes = new ArrayList<>();
            long min = Long.MAX_VALUE;
            int line = random.nextInt(1_000_000) + 1;
            for (int i = random.nextInt(60) + 1; i > 0; i--) {
                long id = 1 + random.nextInt(2_000_000);
                min = Math.min(min, id);
                line += random.nextInt(5) - 1;
                notes.add(new PlanNotes.Note(
                        Math.max(1, line),
                        id,
                        random.nextBoolean() ? null : "TB-" + Integer.toString(random.nextInt(99_999), 36) + "Đ",
                        pick(random, Reason.values()).name(),
                        random.nextInt(2_000_000),
                        random.nextBoolean()
                                ? null
                                : pick(random, ItemKind.values()).name(),
                        random.nextBoolean()
                                ? null
                                : pick(random, Distance.values()).name(),
                        random.nextBoolean()
                                ? null
                                : pick(random, ItemKind.values()).name(),
                        random.nextBoolean()
                                ? null
                                : pick(random, SchoolLevel.values()).name(),
                        random.nextBoolean() ? 0 : random.nextLong(Long.MAX_VALUE / 2),
                        random.nextInt(300_000),
                        random.nextBoolean() ? 0 : random.nextInt(1000)));
            }
            byte[] bytes = PlanNotes.encode(notes, min);
            assertThat(PlanNotes.decode(bytes, notes.size(), min))
                    .as("seed %d", seed)
                    .isEqualTo(notes);
        }
    }

    @Test
    void manualNotesHaveCodesAndAnUnknownReasonIsRefused() {
        var moved = new PlanNotes.Note(7, 42, null, "MANUAL_MOVED", 3, "LAPTOP", null, null, null, 0, 0, 9);
        assertThat(PlanNotes.decode(PlanNotes.encode(List.of(moved), 42), 1, 42))
                .containsExactly(moved);
        var odd = new PlanNotes.Note(7, 42, null, "SOMETHING_NEW", 3, null, null, null, null, 0, 0, 0);
        assertThatThrownBy(() -> PlanNotes.encode(List.of(odd), 42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void studentNotesAreSortedIntoTheBlocksTheReviewPagesCount() {
        assertThat(PlanNotes.categoryOf("QUOTA_USED_UP")).isEqualTo(PlanNotes.Category.LEFT_OUT);
        assertThat(PlanNotes.categoryOf("MANUAL_MOVED")).isEqualTo(PlanNotes.Category.LEFT_OUT);
        assertThat(PlanNotes.categoryOf("SHARES_WITH_SIBLING")).isEqualTo(PlanNotes.Category.SIBLING);
        assertThat(PlanNotes.categoryOf("NO_CONNECTIVITY_LEFT")).isEqualTo(PlanNotes.Category.NO_CONNECTIVITY);
        assertThat(PlanNotes.categoryOf("NOT_NEEDED")).isEqualTo(PlanNotes.Category.UNUSED);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
