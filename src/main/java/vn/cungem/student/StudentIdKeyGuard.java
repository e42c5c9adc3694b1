package vn.cungem.student;

import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Children's personal id numbers must not be encrypted with the key published in application.yml. The {@code prod}
 * profile refuses to start unless {@code CUNGEM_STUDENT_ID_KEY} holds a real key, before anything is written.
 */
public class StudentIdKeyGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    public static final String PROPERTY = "cungem.student.id-key";

    /** The try-it-out key in application.yml; public, so never acceptable in production. */
    public static final String DEV_KEY = "ZGV2LW9ubHktY3VuZ2VtLXN0dWRlbnQtaWQta2V5ISE=";

    public static final String MESSAGE =
            "Hồ sơ 'prod' cần khóa mã hóa số định danh học sinh: hãy đặt biến môi trường CUNGEM_STUDENT_ID_KEY"
                    + " (base64 của 32 byte ngẫu nhiên, tạo bằng: openssl rand -base64 32) và giữ nó an toàn; mất khóa"
                    + " thì không đọc lại được số đã lưu."
                    + " / The 'prod' profile needs the key that encrypts students' personal id numbers: set"
                    + " CUNGEM_STUDENT_ID_KEY (base64 of 32 random bytes: openssl rand -base64 32) and keep it safe;"
                    + " without it stored numbers cannot be read. The try-it-out key is never accepted.";

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
