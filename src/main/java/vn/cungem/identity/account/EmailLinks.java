package vn.cungem.identity.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.shared.InvalidValueException;

/**
 * The single-use links that identity emails (invitations, password resets, email checks). The database keeps only a
 * hash of each token, so a copy of it opens nothing.
 */
@Component
class EmailLinks {

    enum Purpose {
        INVITATION(Duration.ofDays(7)),
        PASSWORD_RESET(Duration.ofHours(1)),
        EMAIL_VERIFY(Duration.ofDays(7));

        final Duration validity;

        Purpose(Duration validity) {
            this.validity = validity;
        }
    }

    private final JdbcClient jdbc;
    private final IdentityText text;

    EmailLinks(JdbcClient jdbc, IdentityText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    String issue(long accountId, Purpose purpose) {
        OffsetDateTime now = OffsetDateTime.now();
        // One live link per purpose: a new email makes the older links useless.
        jdbc.sql("update account_token set used_at = ? where account_id = ? and purpose = ? and used_at is null")
                .params(now, accountId, purpose.name())
                .update();
        String token = SecretTokens.newToken();
        jdbc.sql("insert into account_token (account_id, purpose, token_hash, expires_at, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(accountId, purpose.name(), SecretTokens.hash(token), now.plus(purpose.validity), now)
                .update();
        return token;
    }

    /** The account a link opens, while it is unused and unexpired. */
    Optional<Long> accountOf(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from account_token where token_hash = ? and purpose = ? and used_at is null"
                        + " and expires_at > ?")
                .params(SecretTokens.hash(token), purpose.name(), OffsetDateTime.now())
                .query(Long.class)
                .optional();
    }

    /** Marks the link used; the condition on {@code used_at} makes two simultaneous uses end in one success. */
    void consume(String token, Purpose purpose) {
        int used = jdbc.sql("update account_token set used_at = ? where token_hash = ? and purpose = ?"
                        + " and used_at is null and expires_at > ?")
                .params(OffsetDateTime.now(), SecretTokens.hash(token), purpose.name(), OffsetDateTime.now())
                .update();
        if (used != 1) {
            throw invalid();
        }
    }

    InvalidValueException invalid() {
        return text.invalid("link-invalid");
    }
}
