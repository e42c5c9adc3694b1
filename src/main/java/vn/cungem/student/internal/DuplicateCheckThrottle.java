package vn.cungem.student.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts duplicate checks per account in {@code student_check_throttle} (V90), so that typing personal ids one after
 * another cannot be used as a look-up (issue 9, finding 8). Each count commits in a transaction of its own: a check
 * that ends in "already registered" rolls the registration back, and must still count. The table is shared by every
 * node, so the limit holds behind a load balancer.
 */
@Component
public class DuplicateCheckThrottle {

    /** What a count found: over the limit or not, and when the window ends. */
    public record Count(int checks, boolean exceeded, Duration retryAfter) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final int limit;
    private final Duration window;

    DuplicateCheckThrottle(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            @Value("${cungem.student.duplicate-checks.limit:60}") int limit,
            @Value("${cungem.student.duplicate-checks.window:PT10M}") Duration window) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.limit = limit;
        this.window = window;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    /** Counts one check for the account; an account-less caller (the system, demo data) is not counted. */
    public Count count(Long accountId) {
        if (accountId == null) {
            return new Count(0, false, Duration.ZERO);
        }
        try {
            return own.execute(s -> increment(accountId));
        } catch (DuplicateKeyException raced) {
            // another node made the account's row a moment ago: its row is there now
            return own.execute(s -> increment(accountId));
        }
    }

    private Count increment(long accountId) {
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime windowStart = now.minus(window);
        int updated =
                jdbc.sql("""
                        update student_check_throttle
                           set checks = case when window_started_at > ? then checks + 1 else 1 end,
                               window_started_at = case when window_started_at > ? then window_started_at else ? end
                         where account_id = ?""").params(windowStart, windowStart, now, accountId).update();
        if (updated == 0) {
            jdbc.sql("insert into student_check_throttle (account_id, window_started_at, checks) values (?, ?, 1)")
                    .params(accountId, now)
                    .update();
            return new Count(1, limit < 1, window);
        }
        var row = jdbc.sql("select checks, window_started_at from student_check_throttle where account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, OffsetDateTime.class)})
                .single();
        int checks = (int) row[0];
        OffsetDateTime started = (OffsetDateTime) row[1];
        return new Count(checks, checks > limit, Duration.between(now, started.plus(window)));
    }
}
