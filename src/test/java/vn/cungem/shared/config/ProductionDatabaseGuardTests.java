package vn.cungem.shared.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionDatabaseGuardTests {

    @Test
    void letsProductionStartOnPostgreSql() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.vn:5432/cungem");
        environment.setActiveProfiles("prod");
        assertThatCode(() -> ProductionDatabaseGuard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void refusesProductionWithoutAUrlOrOnTheEmbeddedDatabase() {
        for (String url : new String[] {"", "   ", "jdbc:h2:file:./data/cungem"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
            environment.setActiveProfiles("prod");
            assertThatThrownBy(() -> ProductionDatabaseGuard.check(environment))
                    .hasMessage(ProductionDatabaseGuard.MESSAGE);
        }
    }

    @Test
    void leavesTheTryItOutProfileOnH2() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/cungem");
        assertThatCode(() -> ProductionDatabaseGuard.check(environment)).doesNotThrowAnyException();
    }
}
