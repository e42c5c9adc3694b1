package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudentStatusTests {

    @Test
    void walksEveryMoveAndOnlyTheLegalOnes() {
        Set<String> legal = Set.of(
                "REGISTERED>PROPOSED",
                "REGISTERED>MERGED",
                "PROPOSED>APPROVED",
                "PROPOSED>RETURNED",
                "PROPOSED>REJECTED",
                "PROPOSED>MERGED",
                "RETURNED>PROPOSED",
                "RETURNED>MERGED",
                "APPROVED>RETURNED",
                "APPROVED>MERGED",
                "REJECTED>MERGED");
        for (StudentStatus from : StudentStatus.values()) {
            for (StudentStatus to : StudentStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + ">" + to).isEqualTo(legal.contains(from + ">" + to));
            }
        }
    }

    @Test
    void everyStatusIsReachableFromRegistered() {
        Set<StudentStatus> reached = EnumSet.of(StudentStatus.REGISTERED);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (StudentStatus s : EnumSet.copyOf(reached)) {
                grew |= reached.addAll(s.next());
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(StudentStatus.values());
    }

    @Test
    void schoolEditsOnlyBeforeProposingOrAfterReturn() {
        assertThat(EnumSet.allOf(StudentStatus.class).stream().filter(StudentStatus::editableBySchool))
                .containsExactlyInAnyOrder(StudentStatus.REGISTERED, StudentStatus.RETURNED);
        assertThat(StudentStatus.needsReason(StudentStatus.RETURNED)).isTrue();
        assertThat(StudentStatus.needsReason(StudentStatus.REJECTED)).isTrue();
        assertThat(StudentStatus.needsReason(StudentStatus.APPROVED)).isFalse();
    }
}
