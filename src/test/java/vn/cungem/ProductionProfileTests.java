package vn.cungem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import vn.cungem.shared.config.ProductionDatabaseGuard;
import vn.cungem.shared.config.ProductionMailGuard;
import vn.cungem.student.StudentIdKeyGuard;

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

    @Test
    void refusesToStartInProductionWithoutAStudentIdKey() {
        String postgres = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-reached";
        assertRefusesWith(
                StudentIdKeyGuard.MESSAGE, "--spring.profiles.active=prod", postgres, "--cungem.student.id-key=");
        assertRefusesWith(
                StudentIdKeyGuard.MESSAGE,
                "--spring.profiles.active=prod",
                postgres,
                "--cungem.student.id-key=" + StudentIdKeyGuard.DEV_KEY);
        assertRefusesWith(
                StudentIdKeyGuard.MESSAGE,
                "--spring.profiles.active=prod",
                postgres,
                "--cungem.student.id-key=dG9vLXNob3J0");
    }

    @Test
    void refusesToStartInProductionWithoutAMailServer() {
        // Without CUNGEM_MAIL_HOST every email, reset and invitation links included, would be written to the log.
        assertRefusesWith(
                ProductionMailGuard.MESSAGE,
                "--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-reached",
                "--cungem.student.id-key=dGVzdC1vbmx5LWN1bmdlbS1zdHVkZW50LWlkLWtleSE=",
                "--spring.mail.host=");
    }

    private static void assertRefusesToStart(String... args) {
        assertRefusesWith(ProductionDatabaseGuard.MESSAGE, args);
    }

    private static void assertRefusesWith(String message, String... args) {
        SpringApplication application = CungEmApplication.application();
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext started = application.run(args)) {
                        started.getId();
                    }
                })
                .hasMessage(message);
    }
}
