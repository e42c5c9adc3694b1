package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.web.SignInAddress;

/**
 * Makes sure someone can sign in: with no administrator, creates one with a random password and prints it. In the demo
 * (any profile but prod) a password nobody has changed is replaced and printed at every start, so the run command
 * always shows how to sign in; in prod it is printed once, and the operator is told to change it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final int PASSWORD_LENGTH = 20;

    private final AccountCreation accounts;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Environment environment;
    private final TransactionTemplate transactions;
    private final String email;

    AdminBootstrap(
            AccountCreation accounts,
            JdbcClient jdbc,
            PasswordEncoder encoder,
            Environment environment,
            TransactionTemplate transactions,
            @Value("${cungem.admin.email:admin@cungem.local}") String email) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.environment = environment;
        this.transactions = transactions;
        this.email = email.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public void run(ApplicationArguments args) {
        Callers.asSystem(() -> transactions.executeWithoutResult(status -> ensureAdmin()));
    }

    void ensureAdmin() {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        long admins = jdbc.sql("select count(*) from user_account where role = ?")
                .param(Role.SYSTEM_ADMIN.name())
                .query(Long.class)
                .single();
        String password = SecretTokens.newPassword(PASSWORD_LENGTH);
        if (admins == 0) {
            accounts.createWithPassword(
                    email,
                    Bundles.vi("bootstrap.admin.name"),
                    new Grant(Role.SYSTEM_ADMIN, null, null, null, null),
                    password,
                    true);
            print(password, prod);
            return;
        }
        if (prod) {
            return;
        }
        int replaced = jdbc.sql("update user_account set password_hash = ?, failed_attempts = 0, locked_until = null,"
                        + " updated_at = ? where email = ? and role = ? and password_generated = true")
                .params(encoder.encode(password), OffsetDateTime.now(), email, Role.SYSTEM_ADMIN.name())
                .update();
        if (replaced == 1) {
            print(password, false);
        }
    }

    private void print(String password, boolean prod) {
        String line = "=".repeat(78);
        StringBuilder box = new StringBuilder("\n")
                .append(line)
                .append("\n  ")
                .append(both("bootstrap.box.title"))
                .append("\n  ")
                .append(both("bootstrap.box.signIn"))
                .append(": ")
                // the port the server listens on, which is not always 8080
                .append(SignInAddress.of(environment))
                .append('\n')
                .append("  email: ")
                .append(email)
                .append("\n  ")
                .append(both("bootstrap.box.password"))
                .append(": ")
                .append(password)
                .append('\n');
        String advice = prod ? "bootstrap.box.changeNow" : "bootstrap.box.demo";
        box.append("  ")
                .append(Bundles.vi(advice))
                .append("\n  ")
                .append(Bundles.en(advice))
                .append('\n')
                .append(line);
        log.info("{}", box);
    }

    /** The operator reading the log may read either language: short labels carry both. */
    private static String both(String key) {
        return Bundles.vi(key) + " / " + Bundles.en(key);
    }
}
