package vn.cungem.shared.mail;

import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Delivers a {@link MailRequested} after the transaction that asked for it has committed, in a transaction of its own
 * on another thread. When the listener returns, Spring Modulith marks the publication complete (and, with
 * {@code completion-mode: delete}, removes it with the message and its links); when it throws, the publication stays
 * incomplete and is resubmitted later.
 *
 * <p>Never twice: the row {@code mail_delivery(dedup_key)} is inserted before the message is handed to the server, in
 * the same transaction, and its unique key is the claim. A second delivery of the same key (a resubmission racing the
 * first, or a publication whose completion was lost after the send) finds the row, or waits on the first one's claim
 * and then finds it, and sends nothing. If the send fails the transaction rolls back and the claim with it, so the
 * retry may send. One window is left: the server took the message and the process died before the commit of that
 * one row; then the message is sent again on retry. We accept that (at least once there, rather than a lost reset
 * link), and it is the only way a message can go twice.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JdbcClient jdbc;
    private final MailTransport transport;

    MailDelivery(JdbcClient jdbc, MailTransport transport) {
        this.jdbc = jdbc;
        this.transport = transport;
    }

    @ApplicationModuleListener
    void deliver(MailRequested mail) {
        if (delivered(mail.dedupKey())) {
            return;
        }
        try {
            jdbc.sql("insert into mail_delivery (dedup_key, delivered_at) values (?, ?)")
                    .params(mail.dedupKey(), OffsetDateTime.now())
                    .update();
        } catch (DataIntegrityViolationException e) {
            // Another delivery of the same message committed its claim while this one waited: it was sent.
            return;
        }
        try {
            transport.deliver(mail);
        } catch (RuntimeException e) {
            // The address is not logged: it is a person's, and the key says which message this is.
            log.warn("Email {} not delivered yet, will be retried: {}", mail.dedupKey(), e.getMessage());
            throw e;
        }
    }

    private boolean delivered(String key) {
        return jdbc.sql("select count(*) from mail_delivery where dedup_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
