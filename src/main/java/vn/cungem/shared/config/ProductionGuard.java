package vn.cungem.shared.config;

import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.cungem.shared.text.Bundles;

/**
 * A setting the {@code prod} profile refuses to start without. Checked before the context exists, so the message
 * (Vietnamese, then English, for whoever reads the start-up log) comes from {@link Bundles}, which needs no context.
 */
public abstract class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private final String message;

    ProductionGuard(String message) {
        this.message = message;
    }

    /** The message {@code key} in Vietnamese, then English: the operator reading the log may read either. */
    static String bothLanguages(String key, Object... args) {
        return Bundles.vi(key, args) + " / " + Bundles.en(key, args);
    }

    /** Whether the environment has what production needs; asked only when the {@code prod} profile is active. */
    abstract boolean isMet(ConfigurableEnvironment environment);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        enforce(event.getEnvironment());
    }

    void enforce(ConfigurableEnvironment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod") && !isMet(environment)) {
            throw new IllegalStateException(message);
        }
    }
}
