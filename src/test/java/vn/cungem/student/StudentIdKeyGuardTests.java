package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StudentIdKeyGuardTests {

    @Test
    void letsProductionStartWithARealKey() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(StudentIdKeyGuard.PROPERTY, "cmVhbC1rZXktZnJvbS10aGUtdmF1bHQtMzItYnl0ZXM=");
        environment.setActiveProfiles("prod");
        assertThatCode(() -> StudentIdKeyGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void refusesProductionWithoutAKeyWithTheDemoKeyOrWithAMalformedOne() {
        for (String key : new String[] {"", "  ", StudentIdKeyGuard.DEV_KEY, "c2hvcnQ=", "not base64 at all"}) {
            MockEnvironment environment = new MockEnvironment().withProperty(StudentIdKeyGuard.PROPERTY, key);
            environment.setActiveProfiles("prod");
            assertThatThrownBy(() -> StudentIdKeyGuard.check(environment)).hasMessage(StudentIdKeyGuard.MESSAGE);
        }
    }

    @Test
    void leavesTheTryItOutProfileOnItsPublicKey() {
        MockEnvironment environment =
                new MockEnvironment().withProperty(StudentIdKeyGuard.PROPERTY, StudentIdKeyGuard.DEV_KEY);
        assertThatCode(() -> StudentIdKeyGuard.check(environment)).doesNotThrowAnyException();
    }
}
