package vn.cungem.shared.mail;

import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's one way to send an email. {@link #send} only records a {@link MailRequested} in the caller's
 * transaction: the message goes out after that transaction commits and never when it rolls back, and a mail server that
 * is down delays the message but never fails the caller's request (the delivery is retried until the server takes
 * it).
 *
 * <p>With {@code spring.mail.host} (CUNGEM_MAIL_HOST) set the message goes through SMTP; without it, in the try-it-out
 * mode only, it is written to the log so a person trying the software can still follow its links. The {@code prod}
 * profile refuses to start without a mail server ({@link vn.cungem.shared.config.ProductionMailGuard}).
 */
@Component
public class OutgoingMail {

    private final ApplicationEventPublisher events;

    OutgoingMail(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** A message of its own: a fresh key, kept with the message through every retry. */
    public void send(String to, String subject, String body) {
        send(to, subject, body, "mail:" + UUID.randomUUID());
    }

    /**
     * @param dedupKey names the message for good (e.g. {@code pledge-confirmation:CE-1234}): a second request with a
     *     key already delivered sends nothing. Never put a secret (a link's token) in it: the key is kept after the
     *     message is gone.
     * @throws IllegalStateException outside a transaction, where the message could be neither stored nor sent
     */
    public void send(String to, String subject, String body, String dedupKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An email is sent from inside the transaction of the change it reports");
        }
        events.publishEvent(new MailRequested(to, subject, body, dedupKey));
    }
}
