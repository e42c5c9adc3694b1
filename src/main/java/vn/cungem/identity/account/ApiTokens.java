package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.text.VietnameseText;

/**
 * Personal access tokens: {@code ce_} plus 256 random bits, shown once; the database keeps the SHA-256 and a short
 * prefix. A token acts as its account, with the account's role and scope as they are at each call.
 */
@Service
public class ApiTokens {

    public record TokenRow(
            long id,
            String name,
            String prefix,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            OffsetDateTime revokedAt) {

        public boolean active() {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(OffsetDateTime.now()));
        }
    }

    public record Created(long id, String token) {}

    static final int MAX_ACTIVE_PER_ACCOUNT = 20;

    private final JdbcClient jdbc;
    private final AccountUserDetailsService accounts;
    private final ApplicationEventPublisher events;
    private final IdentityText text;

    ApiTokens(
            JdbcClient jdbc, AccountUserDetailsService accounts, ApplicationEventPublisher events, IdentityText text) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.events = events;
        this.text = text;
    }

    /** @param validDays null for a token without expiry */
    @Transactional
    public Created create(long accountId, String rawName, Integer validDays) {
        String name = VietnameseText.tidy(rawName);
        if (name == null || name.isEmpty() || name.length() > 100) {
            throw text.invalid("token-name");
        }
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            throw text.invalid("token-validity");
        }
        long active = jdbc.sql("select count(*) from api_token where account_id = ? and revoked_at is null"
                        + " and (expires_at is null or expires_at > ?)")
                .params(accountId, OffsetDateTime.now())
                .query(Long.class)
                .single();
        if (active >= MAX_ACTIVE_PER_ACCOUNT) {
            throw text.invalid("token-limit", String.valueOf(MAX_ACTIVE_PER_ACCOUNT));
        }
        String token = SecretTokens.newApiToken();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime expires = validDays == null ? null : now.plusDays(validDays);
        jdbc.sql("insert into api_token (account_id, name, token_prefix, token_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(accountId, name, SecretTokens.displayPrefix(token), SecretTokens.hash(token), now, expires)
                .update();
        long id = jdbc.sql("select id from api_token where token_hash = ?")
                .param(SecretTokens.hash(token))
                .query(Long.class)
                .single();
        events.publishEvent(DomainChange.created(
                "api_token",
                id,
                homeUnit(accountId),
                Map.of("accountId", accountId, "name", name, "expiresAt", String.valueOf(expires))));
        return new Created(id, token);
    }

    @Transactional(readOnly = true)
    public List<TokenRow> list(long accountId) {
        return jdbc.sql("select id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at from api_token"
                        + " where account_id = ? order by created_at desc, id desc limit 100")
                .param(accountId)
                .query((rs, n) -> new TokenRow(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the account's own tokens; another account's token id is a 404. */
    @Transactional
    public void revoke(long accountId, long tokenId) {
        int updated = jdbc.sql("update api_token set revoked_at = ? where id = ? and account_id = ?"
                        + " and revoked_at is null")
                .params(OffsetDateTime.now(), tokenId, accountId)
                .update();
        if (updated == 0) {
            long exists = jdbc.sql("select count(*) from api_token where id = ? and account_id = ?")
                    .params(tokenId, accountId)
                    .query(Long.class)
                    .single();
            if (exists == 0) {
                throw new NotFoundException("api_token", tokenId);
            }
            return;
        }
        events.publishEvent(new DomainChange(
                "api_token",
                String.valueOf(tokenId),
                "REVOKED",
                homeUnit(accountId),
                Map.of(),
                Map.of("accountId", accountId),
                null));
    }

    /**
     * Revokes every live token of the account (after its password changed or was reset), each audited with the cause.
     *
     * @return how many were revoked
     */
    @Transactional
    public int revokeAll(long accountId, String cause) {
        OffsetDateTime now = OffsetDateTime.now();
        List<Long> ids = jdbc.sql("select id from api_token where account_id = ? and revoked_at is null order by id")
                .param(accountId)
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        jdbc.sql("update api_token set revoked_at = ? where account_id = ? and revoked_at is null")
                .params(now, accountId)
                .update();
        Long unit = homeUnit(accountId);
        for (long id : ids) {
            events.publishEvent(new DomainChange(
                    "api_token",
                    String.valueOf(id),
                    "REVOKED",
                    unit,
                    Map.of(),
                    Map.of("accountId", accountId, "cause", cause),
                    null));
        }
        return ids.size();
    }

    /**
     * The enabled account a live token belongs to; empty for anything else. Sign-in back-off does not apply: failed
     * password guesses by anyone must not stop an integration that holds a valid token.
     */
    @Transactional
    public Optional<AccountDetails> authenticate(String token) {
        if (token == null || !token.startsWith(SecretTokens.API_TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now();
        Optional<Map<String, Object>> row = jdbc.sql("select id, account_id, last_used_at from api_token"
                        + " where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)")
                .params(SecretTokens.hash(token), now)
                .query((rs, n) -> Map.<String, Object>of(
                        "id", rs.getLong("id"),
                        "account", rs.getLong("account_id"),
                        "lastUsed", Optional.ofNullable(rs.getObject("last_used_at", OffsetDateTime.class))))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<AccountDetails> account =
                accounts.loadById((Long) row.get().get("account")).filter(AccountDetails::isEnabled);
        if (account.isPresent()) {
            @SuppressWarnings("unchecked")
            Optional<OffsetDateTime> lastUsed =
                    (Optional<OffsetDateTime>) row.get().get("lastUsed");
            // One write a minute at most per token: integrations poll, and each call need not cost an update.
            if (lastUsed.isEmpty() || lastUsed.get().isBefore(now.minusMinutes(1))) {
                jdbc.sql("update api_token set last_used_at = ? where id = ?")
                        .params(now, row.get().get("id"))
                        .update();
            }
        }
        return account.map(AccountDetails::withoutPassword);
    }

    private Long homeUnit(long accountId) {
        return AccountSql.byId(jdbc, accountId).map(AccountRow::homeUnitId).orElse(null);
    }
}
