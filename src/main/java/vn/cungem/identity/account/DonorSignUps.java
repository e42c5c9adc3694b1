package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.identity.account.EmailLinks.Purpose;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Role;

/** Donors sign themselves up; the account opens once they follow the link sent to their email. */
@Service
public class DonorSignUps {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AccountInput input;
    private final Passwords passwords;
    private final EmailLinks links;
    private final AccountMails mails;
    private final ApplicationEventPublisher events;

    DonorSignUps(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            AccountInput input,
            Passwords passwords,
            EmailLinks links,
            AccountMails mails,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.input = input;
        this.passwords = passwords;
        this.links = links;
        this.mails = mails;
        this.events = events;
    }

    /**
     * Creates a disabled donor account and emails a verification link. An email that already has an account gets the
     * same answer (and a fresh link only when it is an unverified donor), so the form reveals no one's address.
     */
    @Transactional
    public void register(String rawEmail, String rawName, String password, String confirmation) {
        String email = input.email(rawEmail);
        String fullName = input.personName(rawName);
        passwords.checkNew(password, confirmation, email);
        Optional<AccountRow> existing = AccountSql.byEmail(jdbc, email);
        long id;
        if (existing.isPresent()) {
            if (!isUnverifiedDonor(existing.get())) {
                return;
            }
            id = existing.get().id();
        } else {
            id = insert(email, fullName, password);
            events.publishEvent(DomainChange.created("account", id, null, Map.of("email", email, "role", "DONOR")));
        }
        mails.emailCheck(email, links.issue(id, Purpose.EMAIL_VERIFY));
    }

    private boolean isUnverifiedDonor(AccountRow account) {
        return account.role() == Role.DONOR
                && jdbc.sql("select count(*) from user_account where id = ? and email_verified_at is null")
                                .param(account.id())
                                .query(Long.class)
                                .single()
                        > 0;
    }

    private long insert(String email, String fullName, String password) {
        NewAccount account = new NewAccount(email, fullName, new Grant(Role.DONOR, null, null, null, null));
        return account.with("password_hash", encoder.encode(password))
                .with("enabled", false)
                .with("password_changed_at", account.now())
                .insert(jdbc);
    }

    /** Opens the account behind the link; false when the link is used, expired or unknown. */
    @Transactional
    public boolean verify(String token) {
        Optional<Long> id = links.accountOf(token, Purpose.EMAIL_VERIFY);
        if (id.isEmpty()) {
            return false;
        }
        links.consume(token, Purpose.EMAIL_VERIFY);
        jdbc.sql("update user_account set enabled = true, email_verified_at = ?, updated_at = ? where id = ?"
                        + " and email_verified_at is null")
                .params(OffsetDateTime.now(), OffsetDateTime.now(), id.get())
                .update();
        events.publishEvent(new DomainChange(
                "account", String.valueOf(id.get()), "EMAIL_VERIFIED", null, Map.of(), Map.of(), null));
        return true;
    }
}
