package vn.cungem.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionMailGuardTests {

    @Test
    void letsProductionStartWithAMailServer() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.vn");
        environment.setActiveProfiles("prod");
        assertThatCode(() -> ProductionMailGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void refusesProductionInTheModeThatLogsEmails() {
        for (String host : new String[] {null, "", "   "}) {
            MockEnvironment environment = new MockEnvironment();
            if (host != null) {
                environment.setProperty("spring.mail.host", host);
            }
            environment.setActiveProfiles("prod");
            assertThatThrownBy(() -> ProductionMailGuard.check(environment)).hasMessage(ProductionMailGuard.MESSAGE);
        }
        assertThat(ProductionMailGuard.MESSAGE).contains("CUNGEM_MAIL_HOST").contains("máy chủ thư");
    }

    @Test
    void leavesTheTryItOutProfileLoggingEmails() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "");
        assertThatCode(() -> ProductionMailGuard.check(environment)).doesNotThrowAnyException();
    }
}
