package vn.cungem.shared.config;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keycloak's lesson: a production instance once ran on the embedded database for months because a variable was unset.
 * The {@code prod} profile therefore refuses to start unless a real database URL is given.
 */
public class ProductionDatabaseGuard extends ProductionGuard {

    public static final String MESSAGE = bothLanguages("startup.prod.database");

    public ProductionDatabaseGuard() {
        super(MESSAGE);
    }

    static void check(ConfigurableEnvironment environment) {
        new ProductionDatabaseGuard().enforce(environment);
    }

    @Override
    boolean isMet(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "").trim();
        return !url.isEmpty() && !url.startsWith("jdbc:h2:");
    }
}
