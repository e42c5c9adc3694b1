package vn.cungem.identity.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.audit.DomainChange;

/**
 * Counts failed sign-ins in the database, so every application node sees the same numbers: an account is locked for
 * 15 minutes after 5 failures in a row, and a client address is refused for 10 minutes after 20 failures.
 */
@Service
public class SignInAttempts {

    public static final int MAX_ACCOUNT_FAILURES = 5;
    public static final Duration ACCOUNT_LOCK = Duration.ofMinutes(15);
    public static final int MAX_CLIENT_FAILURES = 20;
    public static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    private final TransactionTemplate nested;

    SignInAttempts(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public boolean isThrottled(String clientKey) {
        OffsetDateTime windowStart = OffsetDateTime.now().minus(CLIENT_WINDOW);
        return jdbc.sql("select count(*) from sign_in_throttle where client_key = ? and failures >= ?"
                                + " and window_started_at > ?")
                        .params(key(clientKey), MAX_CLIENT_FAILURES, windowStart)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Records a wrong password (or unknown email) in its own transaction, so the count survives the failed request.
     *
     * @return whether this failure locked the account
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean recordFailure(String email, String clientKey) {
        OffsetDateTime now = OffsetDateTime.now();
        countClientFailure(key(clientKey), now);
        String normalised = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        Optional<AccountRow> account = AccountSql.byEmail(jdbc, normalised);
        if (account.isEmpty()) {
            events.publishEvent(new DomainChange(
                    "sign_in", key(clientKey), "SIGN_IN_FAILED", null, Map.of(), Map.of("reason", "unknown"), null));
            return false;
        }
        AccountRow row = account.get();
        jdbc.sql("update user_account set failed_attempts = failed_attempts + 1 where id = ?")
                .param(row.id())
                .update();
        int failures = jdbc.sql("select failed_attempts from user_account where id = ?")
                .param(row.id())
                .query(Integer.class)
                .single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("failedAttempts", failures);
        after.put("client", key(clientKey));
        events.publishEvent(new DomainChange(
                "account", String.valueOf(row.id()), "SIGN_IN_FAILED", row.homeUnitId(), Map.of(), after, null));
        if (failures >= MAX_ACCOUNT_FAILURES) {
            OffsetDateTime until = now.plus(ACCOUNT_LOCK);
            jdbc.sql("update user_account set failed_attempts = 0, locked_until = ? where id = ?")
                    .params(until, row.id())
                    .update();
            events.publishEvent(new DomainChange(
                    "account",
                    String.valueOf(row.id()),
                    "LOCKED_OUT",
                    row.homeUnitId(),
                    Map.of(),
                    Map.of("lockedUntil", until.toString()),
                    null));
            return true;
        }
        return false;
    }

    @Transactional
    public void recordSuccess(long accountId, String clientKey) {
        jdbc.sql("update user_account set failed_attempts = 0, locked_until = null, last_sign_in_at = ? where id = ?")
                .params(OffsetDateTime.now(), accountId)
                .update();
        Long homeUnit =
                AccountSql.byId(jdbc, accountId).map(AccountRow::homeUnitId).orElse(null);
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(accountId),
                "SIGNED_IN",
                homeUnit,
                Map.of(),
                Map.of("client", key(clientKey)),
                null));
    }

    private void countClientFailure(String clientKey, OffsetDateTime now) {
        OffsetDateTime windowStart = now.minus(CLIENT_WINDOW);
        int updated =
                jdbc.sql("""
                        update sign_in_throttle
                           set failures = case when window_started_at > ? then failures + 1 else 1 end,
                               window_started_at = case when window_started_at > ? then window_started_at else ? end
                         where client_key = ?""").params(windowStart, windowStart, now, clientKey).update();
        if (updated == 0) {
            try {
                // In a savepoint: if another node inserted the same address a moment ago, PostgreSQL would otherwise
                // abort the whole transaction on the duplicate key.
                nested.executeWithoutResult(status -> jdbc.sql(
                                "insert into sign_in_throttle (client_key, failures, window_started_at) values (?, 1, ?)")
                        .params(clientKey, now)
                        .update());
            } catch (DuplicateKeyException raced) {
                jdbc.sql("update sign_in_throttle set failures = failures + 1 where client_key = ?")
                        .param(clientKey)
                        .update();
            }
        }
    }

    private static String key(String clientKey) {
        String key = clientKey == null || clientKey.isBlank() ? "unknown" : clientKey.trim();
        return key.length() > 64 ? key.substring(0, 64) : key;
    }
}
