package vn.cungem.shared.config;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Without a mail server the platform writes each email, reset and invitation links included, to the log: right for
 * trying the software out, wrong in production, where whoever reads the logs could take over accounts. The {@code prod}
 * profile therefore refuses to start without CUNGEM_MAIL_HOST. (Before the context exists, so the message is not in
 * the bundles.)
 */
public class ProductionMailGuard extends ProductionGuard {

    public static final String MESSAGE =
            "Hồ sơ 'prod' cần máy chủ thư: hãy đặt biến môi trường CUNGEM_MAIL_HOST (và CUNGEM_MAIL_PORT nếu không"
                    + " phải cổng 25). Không có máy chủ thư, email (kèm liên kết đặt lại mật khẩu và lời mời) sẽ bị ghi"
                    + " vào nhật ký. / The 'prod' profile needs a mail server: set CUNGEM_MAIL_HOST (and"
                    + " CUNGEM_MAIL_PORT unless it is 25). Without one, emails (password reset and invitation links"
                    + " included) would be written to the log.";

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
