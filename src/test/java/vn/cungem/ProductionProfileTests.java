package vn.cungem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cungem.shared.config.ProductionDatabaseGuard;

/** Keycloak's lesson, checked on the real start-up path that {@code java -jar} takes. */
class ProductionProfileTests {

    @Test
    void refusesToStartInProductionWithoutADatabaseUrl() {
        assertRefusesToStart("--spring.profiles.active=prod", "--spring.datasource.url=");
    }

    @Test
    void refusesToStartInProductionOnTheEmbeddedDatabase() {
        assertRefusesToStart(
                "--spring.profiles.active=prod", "--spring.datasource.url=jdbc:h2:mem:prod-by-mistake;MODE=PostgreSQL");
    }

    private static void assertRefusesToStart(String... args) {
        SpringApplication application = CungEmApplication.application();
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext started = application.run(args)) {
                        started.getId();
                    }
                })
                .hasMessage(ProductionDatabaseGuard.MESSAGE);
    }
}
