package vn.cungem.shared.config;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keycloak's lesson: a production instance once ran on the embedded database for months because a variable was unset.
 * The {@code prod} profile therefore refuses to start unless a real database URL is given.
 */
public class ProductionDatabaseGuard extends ProductionGuard {

    public static final String MESSAGE =
            "Hồ sơ 'prod' cần cơ sở dữ liệu PostgreSQL: hãy đặt biến môi trường SPRING_DATASOURCE_URL"
                    + " (ví dụ jdbc:postgresql://db.example.vn:5432/cungem), SPRING_DATASOURCE_USERNAME và SPRING_DATASOURCE_PASSWORD."
                    + " / The 'prod' profile needs a PostgreSQL database: set SPRING_DATASOURCE_URL"
                    + " (e.g. jdbc:postgresql://db.example.vn:5432/cungem), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD."
                    + " It never falls back to the embedded database.";

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
