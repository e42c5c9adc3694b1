package vn.cungem.student;

import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.cungem.shared.text.Bundles;

/**
 * Children's personal id numbers must not be encrypted with the key published in application.yml. The {@code prod}
 * profile refuses to start unless {@code CUNGEM_STUDENT_ID_KEY} holds a real key, before anything is written.
 */
public class StudentIdKeyGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final String PROPERTY = "cungem.student.id-key";

    /** The try-it-out key in application.yml; public, so never acceptable in production. */
    public static final String DEV_KEY = "ZGV2LW9ubHktY3VuZ2VtLXN0dWRlbnQtaWQta2V5ISE=";

    /** Both languages in one line: it goes to the console of a server that refused to start, where no locale applies. */
    public static final String MESSAGE =
            Bundles.vi("student.error.id-key-missing") + " / " + Bundles.en("student.error.id-key-missing");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    public static void check(ConfigurableEnvironment environment) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        String key = environment.getProperty(PROPERTY, "").strip();
        if (key.isEmpty() || key.equals(DEV_KEY) || !StudentIdCipher.isValidKey(key)) {
            throw new IllegalStateException(MESSAGE);
        }
    }
}
