package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllocationRosterTests {

    @Test
    void theSameGuardianPhoneWrittenTwoWaysIsOneHousehold() {
        assertThat(AllocationRoster.household("0903 123 456")).isEqualTo(AllocationRoster.household("0903.123.456"));
        assertThat(AllocationRoster.household("0903123456")).isNotEqualTo(AllocationRoster.household("903123456"));
        assertThat(AllocationRoster.household("0903123456")).isNotEqualTo(AllocationRoster.household("0903123457"));
        assertThat(AllocationRoster.household(null)).isZero();
        assertThat(AllocationRoster.household("không có")).isZero();
    }
}
