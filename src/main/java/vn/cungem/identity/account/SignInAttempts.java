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
 * Sign-in back-off, counted in the database ({@code sign_in_throttle}) so every application node sees the same
 * numbers. There is no lock-out: nobody can shut an account (or its API tokens) by guessing on purpose. Instead three
 * keys are counted, each with a number of free failures and then a delay that doubles with every further failure, up
 * to a cap; while a key's delay runs, an attempt is refused before any password is checked:
 *
 * <ul>
 *   <li>the client address: {@value #ADDRESS_FREE} free failures (a school's staff may share one address), then 1
 *       minute doubling to 30 minutes;
 *   <li>the email and client address together: {@value #PAIR_FREE} free failures, then 30 seconds doubling to 15
 *       minutes: this is what slows one party guessing one account, and it stops only that party;
 *   <li>the email from any address: {@value #ACCOUNT_FREE} free failures, then 30 seconds doubling to 15 minutes: only
 *       guessing spread over many addresses gets here, since one address is held back long before.
 * </ul>
 *
 * A count starts again one hour after its first failure ({@link #WINDOW}). Emails are keyed by their SHA-256 whether or
 * not an account exists, so the answers cannot tell existing emails from unknown ones.
 */
@Service
public class SignInAttempts {

    /** How long a count lasts from its first failure. */
    public static final Duration WINDOW = Duration.ofHours(1);

    public static final int ADDRESS_FREE = 20;
    public static final int PAIR_FREE = 5;
    public static final int ACCOUNT_FREE = 50;
    static final Policy ADDRESS = new Policy(ADDRESS_FREE, Duration.ofMinutes(1), Duration.ofMinutes(30));
    static final Policy PAIR = new Policy(PAIR_FREE, Duration.ofSeconds(30), Duration.ofMinutes(15));
    static final Policy ACCOUNT = new Policy(ACCOUNT_FREE, Duration.ofSeconds(30), Duration.ofMinutes(15));

    /** After {@code free} failures, the next attempt waits {@code first}, doubled per further failure, at most cap. */
    record Policy(int free, Duration first, Duration cap) {

        /** The wait after the given number of failures in a row; zero while they are free. */
        Duration delayAfter(int failures) {
            if (failures <= free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free - 1, 30);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(cap) > 0 ? cap : delay;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    private final TransactionTemplate nested;

    SignInAttempts(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** How long the attempt must wait, when any of its keys is backing off; empty when it may go ahead. */
    @Transactional(readOnly = true)
    public Optional<Duration> backOff(String email, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime until = jdbc.sql(
                        "select max(blocked_until) from sign_in_throttle where client_key in (?, ?, ?) and blocked_until > ?")
                .params(addressKey(clientAddress), pairKey(email, clientAddress), accountKey(email), now)
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        if (until == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, until);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /**
     * Records a wrong password (or unknown email, or disabled account) in its own transaction, so the count survives the
     * failed request.
     *
     * @return the longest back-off this failure started; zero when it was still free
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Duration recordFailure(String email, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now();
        Duration address = count(addressKey(clientAddress), ADDRESS, now);
        Duration pair = count(pairKey(email, clientAddress), PAIR, now);
        Duration account = count(accountKey(email), ACCOUNT, now);
        Duration backOff = longest(address, longest(pair, account));
        String client = address(clientAddress);
        Optional<AccountRow> row = AccountSql.byEmail(jdbc, normalise(email));
        if (row.isEmpty()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("reason", "unknown");
            after.put("client", client);
            events.publishEvent(new DomainChange("sign_in", client, "SIGN_IN_FAILED", null, Map.of(), after, null));
            return backOff;
        }
        long id = row.get().id();
        jdbc.sql("update user_account set failed_attempts = failed_attempts + 1 where id = ?")
                .param(id)
                .update();
        int failures = jdbc.sql("select failed_attempts from user_account where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("failedAttempts", failures);
        after.put("client", client);
        if (!backOff.isZero()) {
            after.put("backOffSeconds", backOff.toSeconds());
        }
        events.publishEvent(new DomainChange(
                "account", String.valueOf(id), "SIGN_IN_FAILED", row.get().homeUnitId(), Map.of(), after, null));
        return backOff;
    }

    @Transactional
    public void recordSuccess(long accountId, String email, String clientAddress) {
        jdbc.sql("update user_account set failed_attempts = 0, locked_until = null, last_sign_in_at = ? where id = ?")
                .params(OffsetDateTime.now(), accountId)
                .update();
        // The person at this address knows the password: their own earlier mistakes are forgiven. The address and
        // account-wide counts are not, or one valid account would reset a guesser's budget.
        jdbc.sql("delete from sign_in_throttle where client_key = ?")
                .param(pairKey(email, clientAddress))
                .update();
        Long homeUnit =
                AccountSql.byId(jdbc, accountId).map(AccountRow::homeUnitId).orElse(null);
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(accountId),
                "SIGNED_IN",
                homeUnit,
                Map.of(),
                Map.of("client", address(clientAddress)),
                null));
    }

    /** After a password reset by the mailbox's owner: the account-wide count and the owner's own pair start again. */
    @Transactional
    public void forgive(String email, String clientAddress) {
        jdbc.sql("delete from sign_in_throttle where client_key in (?, ?)")
                .params(accountKey(email), pairKey(email, clientAddress))
                .update();
    }

    /** Counts one failure on a key and sets its back-off; returns the back-off set. */
    private Duration count(String key, Policy policy, OffsetDateTime now) {
        OffsetDateTime windowStart = now.minus(WINDOW);
        int updated = jdbc.sql("""
                        update sign_in_throttle
                           set failures = case when window_started_at > ? then failures + 1 else 1 end,
                               window_started_at = case when window_started_at > ? then window_started_at else ? end
                         where client_key = ?""").params(windowStart, windowStart, now, key).update();
        if (updated == 0) {
            try {
                // In a savepoint: if another node inserted the same key a moment ago, PostgreSQL would otherwise
                // abort the whole transaction on the duplicate key.
                nested.executeWithoutResult(status -> jdbc.sql(
                                "insert into sign_in_throttle (client_key, failures, window_started_at) values (?, 1, ?)")
                        .params(key, now)
                        .update());
            } catch (DuplicateKeyException raced) {
                jdbc.sql("update sign_in_throttle set failures = failures + 1 where client_key = ?")
                        .param(key)
                        .update();
            }
        }
        // The row is locked by this transaction's update, so the count read back is this failure's own.
        int failures = jdbc.sql("select failures from sign_in_throttle where client_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
        Duration delay = policy.delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update sign_in_throttle set blocked_until = ? where client_key = ?")
                    .params(now.plus(delay), key)
                    .update();
        }
        return delay;
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static String addressKey(String clientAddress) {
        return "ip:" + address(clientAddress);
    }

    static String pairKey(String email, String clientAddress) {
        return "pair:" + SecretTokens.hash(normalise(email) + "\n" + address(clientAddress));
    }

    static String accountKey(String email) {
        return "email:" + SecretTokens.hash(normalise(email));
    }

    private static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String address(String clientAddress) {
        String address = clientAddress == null || clientAddress.isBlank() ? "unknown" : clientAddress.trim();
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
