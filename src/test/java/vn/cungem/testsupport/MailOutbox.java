package vn.cungem.testsupport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Emails go out after the commit, on another thread (shared.mail.MailDelivery). A test that reads the mailbox right
 * after a request first waits here until no email mentioning {@code text} (an address, a code) is still on its way:
 * stored in {@code event_publication} and neither delivered (the row is then deleted) nor failed (then it waits for a
 * retry, which a test runs itself). Tests share one database, so only the test's own messages are looked at.
 */
public final class MailOutbox {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private MailOutbox() {}

    public static void awaitDelivered(JdbcClient jdbc, String text) {
        awaitUntil(() -> pending(jdbc, text) == 0, "an email mentioning " + text + " to be delivered");
    }

    /** Polls the condition (a database row, a mailbox) until it holds, or fails after 20 s naming what it waited for. */
    public static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** Stored, not delivered, not failed. */
    public static long pending(JdbcClient jdbc, String text) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and (status is null or status <> 'FAILED') and serialized_event like ?")
                .param("%" + text + "%")
                .query(Long.class)
                .single();
    }

    /** Stored and not delivered yet, failed or not. */
    public static long incomplete(JdbcClient jdbc, String text) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like ?")
                .param("%" + text + "%")
                .query(Long.class)
                .single();
    }
}
