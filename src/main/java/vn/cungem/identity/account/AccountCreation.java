package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;

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
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into user_account (email, full_name, full_name_folded, full_name_sort, password_hash,
                               role, unit_id, school_id, partner_id, volunteer_team_id, enabled, password_generated,
                               password_changed_at, email_verified_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?)""")
                .params(
                        email,
                        fullName,
                        VietnameseText.fold(fullName),
                        VietnameseText.sortKey(fullName),
                        encoder.encode(password),
                        resolved.role().name(),
                        resolved.unitId(),
                        resolved.schoolId(),
                        resolved.partnerId(),
                        resolved.teamId(),
                        generated,
                        generated ? null : now,
                        now,
                        now,
                        now)
                .update();
        long id = AccountSql.idOf(jdbc, email);
        Map<String, Object> after = resolved.asMap();
        after.put("email", email);
        events.publishEvent(DomainChange.created("account", id, grants.homeUnitOf(resolved), after));
        return id;
    }
}
