package vn.cungem.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.InvalidValueException;

class FollowUpRulesTests {

    @Test
    void aScheduleIsReadAsPeopleTypeItSortedWithoutRepeats() {
        assertThat(CheckSchedule.parse(" 60,14 ; 14 ").afterDays()).containsExactly(14, 60);
        assertThat(CheckSchedule.parse("7 30 90").text()).isEqualTo("7, 30, 90");
    }

    @Test
    void aScheduleRefusesWhatIsNoDayCountWithAWordedMessage() {
        for (String bad : List.of("", "  ", "0", "731", "-3", "hai tuần", "1, 2, 3, 4, 5, 6, 7", "14,5x")) {
            assertThatThrownBy(() -> CheckSchedule.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.code()).startsWith("followup.schedule");
                        assertThat(e.messageVi()).isNotBlank();
                        assertThat(e.messageEn()).isNotBlank().isNotEqualTo(e.messageVi());
                    });
        }
    }

    @Test
    void aCaseMovesOnlyFromOpenToInProgressToResolved() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                boolean legal = (from == CaseStatus.OPEN && to == CaseStatus.IN_PROGRESS)
                        || (from == CaseStatus.IN_PROGRESS && to == CaseStatus.RESOLVED);
                assertThat(from.mayMoveTo(to)).as("%s → %s", from, to).isEqualTo(legal);
            }
        }
    }

    @Test
    void anAnswerNeedsLearningAndANoteForAnotherProblem() {
        assertThatThrownBy(() -> new CheckAnswer(null, false, false, false, false, null))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("followup.learning"));
        assertThatThrownBy(() -> new CheckAnswer(Learning.YES, false, false, false, true, "   "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("followup.other-note"));
        assertThatThrownBy(() -> new CheckAnswer(Learning.YES, false, false, false, false, "x".repeat(501)))
                .isInstanceOf(InvalidValueException.class);
        CheckAnswer fine = new CheckAnswer(Learning.NO, true, false, true, false, "  ");
        assertThat(fine.note()).isNull();
        assertThat(fine.hasProblem()).isTrue();
        assertThat(fine.problemKeys()).containsExactly("followup.problem.DEVICE_BROKEN", "followup.problem.NO_SIGNAL");
        assertThat(new CheckAnswer(Learning.YES, false, false, false, false, null).hasProblem())
                .isFalse();
    }
}
