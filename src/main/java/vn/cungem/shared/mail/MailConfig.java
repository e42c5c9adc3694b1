package vn.cungem.shared.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.util.StringUtils;
import vn.cungem.shared.text.Bundles;

/**
 * Chooses SMTP or the log once at start. The property is read here rather than with a condition because the default
 * configuration sets {@code spring.mail.host} to an empty value, which conditions count as present. Deliveries run
 * asynchronously after the commit ({@code @ApplicationModuleListener}), hence {@code @EnableAsync}.
 */
@Configuration
@EnableAsync
class MailConfig {

    @Bean
    MailTransport mailTransport(
            Environment environment,
            ObjectProvider<JavaMailSender> sender,
            @Value("${cungem.mail-from:khong-tra-loi@cungem.local}") String from) {
        String host = environment.getProperty("spring.mail.host");
        JavaMailSender javaMail = sender.getIfAvailable();
        if (StringUtils.hasText(host) && javaMail != null) {
            return mail -> {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                javaMail.send(message);
            };
        }
        return new LogTransport();
    }

    /** Try-it-out mode only: the prod profile refuses to start without a mail server (ProductionMailGuard). */
    static final class LogTransport implements MailTransport {

        private static final Logger log = LoggerFactory.getLogger(LogTransport.class);

        @Override
        public void deliver(MailRequested mail) {
            log.info(
                    "\n=== Email ({}: CUNGEM_MAIL_HOST) ===\n{}: {}\n{}: {}\n\n{}\n=== {} ===",
                    both("mail.log.unconfigured"),
                    both("mail.log.to"),
                    mail.to(),
                    both("mail.log.subject"),
                    mail.subject(),
                    mail.body(),
                    both("mail.log.end"));
        }

        /** Whoever reads the log may read either language. */
        private static String both(String key) {
            return Bundles.vi(key) + " / " + Bundles.en(key);
        }
    }
}
