package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
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
    void saysWhatToSetInVietnameseThenEnglish() {
        assertThat(StudentIdKeyGuard.MESSAGE)
                .startsWith("Hồ sơ 'prod' cần khóa mã hóa số định danh học sinh: hãy đặt biến môi trường"
                        + " CUNGEM_STUDENT_ID_KEY")
                .contains(" / The 'prod' profile needs the key that encrypts students' personal id numbers: set"
                        + " CUNGEM_STUDENT_ID_KEY");
    }

    @Test
    void leavesTheTryItOutProfileOnItsPublicKey() {
        MockEnvironment environment =
                new MockEnvironment().withProperty(StudentIdKeyGuard.PROPERTY, StudentIdKeyGuard.DEV_KEY);
        assertThatCode(() -> StudentIdKeyGuard.check(environment)).doesNotThrowAnyException();
    }
}
