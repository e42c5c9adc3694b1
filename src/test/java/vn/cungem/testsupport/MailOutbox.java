package vn.cungem.testsupport;

import java.time.Duration;
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
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (pending(jdbc, text) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("an email mentioning " + text + " is still not delivered after " + TIMEOUT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
