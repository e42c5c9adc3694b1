package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;

/**
 * Setting a password, whether from My account, a reset link or an invitation, and what a new password means for what
 * the old one opened.
 */
@Service
public class Passwords {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final ApiTokens tokens;
    private final AccountMails mails;
    private final ApplicationEventPublisher events;
    private final IdentityText text;

    Passwords(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            AccountSessions sessions,
            ApiTokens tokens,
            AccountMails mails,
            ApplicationEventPublisher events,
            IdentityText text) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.sessions = sessions;
        this.tokens = tokens;
        this.mails = mails;
        this.events = events;
        this.text = text;
    }

    /**
     * Changes my password. Every other session of the account ends (the one making the change stays signed in), every
     * API token is revoked, and a notice goes to the account's email.
     *
     * @param currentSessionId the session that made the change, kept; null ends them all
     */
    @Transactional
    public void change(long accountId, String current, String password, String confirmation, String currentSessionId) {
        String hash = jdbc.sql("select password_hash from user_account where id = ?")
                .param(accountId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("account", accountId));
        if (current == null || hash == null || !encoder.matches(current, hash)) {
            throw text.invalid("current-password-wrong");
        }
        AccountRow account = AccountSql.byId(jdbc, accountId).orElseThrow();
        checkNew(password, confirmation, account.email());
        set(accountId, password);
        afterChange(account, "PASSWORD_CHANGED", currentSessionId);
    }

    void checkNew(String password, String confirmation, String email) {
        PasswordPolicy.check(password, email);
        if (!password.equals(confirmation)) {
            throw text.invalid("password-mismatch");
        }
    }

    void set(long id, String password) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("update user_account set password_hash = ?, password_generated = false, password_changed_at = ?,"
                        + " updated_at = ?, version = version + 1 where id = ?")
                .params(encoder.encode(password), now, now, id)
                .update();
    }

    /**
     * Sessions other than {@code keepSessionId} end, API tokens are revoked (they were made by whoever held the old
     * password), the change is audited with both numbers, and the owner is told by email once the change has committed.
     */
    void afterChange(AccountRow account, String action, String keepSessionId) {
        int ended = sessions.endAllBut(account.email(), keepSessionId);
        int revoked = tokens.revokeAll(account.id(), action);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("otherSessionsEnded", ended);
        after.put("apiTokensRevoked", revoked);
        events.publishEvent(new DomainChange(
                "account", String.valueOf(account.id()), action, account.homeUnitId(), Map.of(), after, null));
        mails.passwordChanged(account);
    }
}
