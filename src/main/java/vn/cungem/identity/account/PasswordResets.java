package vn.cungem.identity.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.identity.account.EmailLinks.Purpose;
import vn.cungem.shared.audit.DomainChange;

/** A forgotten password: a link by email, valid for an hour, that sets a new one. */
@Service
public class PasswordResets {

    private final JdbcClient jdbc;
    private final EmailLinks links;
    private final Passwords passwords;
    private final SignInAttempts attempts;
    private final AccountMails mails;
    private final ApplicationEventPublisher events;

    PasswordResets(
            JdbcClient jdbc,
            EmailLinks links,
            Passwords passwords,
            SignInAttempts attempts,
            AccountMails mails,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.links = links;
        this.passwords = passwords;
        this.attempts = attempts;
        this.mails = mails;
        this.events = events;
    }

    /** Sends a reset link when the email has an active account; says nothing either way, against enumeration. */
    @Transactional
    public void request(String rawEmail) {
        if (!AccountInput.looksLikeEmail(rawEmail)) {
            return;
        }
        Optional<AccountRow> account = AccountSql.byEmail(jdbc, rawEmail.trim().toLowerCase(Locale.ROOT));
        if (account.isEmpty() || !account.get().enabled() || account.get().invitationPending()) {
            return;
        }
        AccountRow row = account.get();
        String token = links.issue(row.id(), Purpose.PASSWORD_RESET);
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(row.id()),
                "PASSWORD_RESET_REQUESTED",
                row.homeUnitId(),
                Map.of(),
                Map.of(),
                null));
        mails.passwordReset(row, token);
    }

    @Transactional(readOnly = true)
    public boolean isLinkValid(String token) {
        return links.accountOf(token, Purpose.PASSWORD_RESET).isPresent();
    }

    /**
     * Sets the new password from a reset link. Whoever may have known the old password loses every session and API
     * token they held with it, and the owner gets a notice by email.
     *
     * @param clientAddress the address the link was used from: that person's own sign-in back-off is forgiven
     */
    @Transactional
    public void reset(String token, String password, String confirmation, String clientAddress) {
        long id = links.accountOf(token, Purpose.PASSWORD_RESET).orElseThrow(links::invalid);
        AccountRow account = AccountSql.byId(jdbc, id).orElseThrow(links::invalid);
        passwords.checkNew(password, confirmation, account.email());
        links.consume(token, Purpose.PASSWORD_RESET);
        passwords.set(id, password);
        // The owner of the mailbox proved who they are, so back-off from someone else's guessing ends here.
        jdbc.sql("update user_account set failed_attempts = 0, locked_until = null where id = ?")
                .param(id)
                .update();
        attempts.forgive(account.email(), clientAddress);
        passwords.afterChange(account, "PASSWORD_RESET", null);
    }
}
