package vn.cungem.identity.account;

import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/**
 * Accounts the system creates with a password already chosen: the first administrator, and the named accounts other
 * modules (demo data above all) ask for through {@link vn.cungem.identity.Accounts}. Idempotent by email.
 */
@Service
public class AccountCreation {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AccountInput input;
    private final Grants grants;
    private final ApplicationEventPublisher events;

    AccountCreation(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            AccountInput input,
            Grants grants,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.input = input;
        this.grants = grants;
        this.events = events;
    }

    /**
     * @param generated whether the password was made up by the system (the bootstrap's), so that it is replaced until
     *     someone chooses their own
     * @return the new account's id, or the existing one's for an email already taken
     */
    @Transactional
    public long createWithPassword(String rawEmail, String rawName, Grant grant, String password, boolean generated) {
        String email = input.email(rawEmail);
        Optional<AccountRow> existing = AccountSql.byEmail(jdbc, email);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String fullName = input.name(rawName);
        PasswordPolicy.check(password, email);
        Grant resolved = grants.authorise(Caller.SYSTEM, grant);
        NewAccount account = new NewAccount(email, fullName, resolved);
        long id = account.with("password_hash", encoder.encode(password))
                .with("enabled", true)
                .with("password_generated", generated)
                .with("password_changed_at", generated ? null : account.now())
                .with("email_verified_at", account.now())
                .insert(jdbc);
        Map<String, Object> after = resolved.asMap();
        after.put("email", email);
        events.publishEvent(DomainChange.created("account", id, grants.homeUnitOf(resolved), after));
        return id;
    }
}
