package vn.cungem.shared.config;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Without a mail server the platform writes each email, reset and invitation links included, to the log: right for
 * trying the software out, wrong in production, where whoever reads the logs could take over accounts. The {@code prod}
 * profile therefore refuses to start without CUNGEM_MAIL_HOST.
 */
public class ProductionMailGuard extends ProductionGuard {

    public static final String MESSAGE = bothLanguages("startup.prod.mail");

    public ProductionMailGuard() {
        super(MESSAGE);
    }

    static void check(ConfigurableEnvironment environment) {
        new ProductionMailGuard().enforce(environment);
    }

    @Override
    boolean isMet(ConfigurableEnvironment environment) {
        return !environment.getProperty("spring.mail.host", "").isBlank();
    }
}
