package vn.cungem.shared.mail;

import java.util.Objects;

/**
 * A plain-text email that is to go out once the transaction that asked for it commits. It is stored with that
 * transaction in Spring Modulith's event publication registry (table {@code event_publication}) and delivered after the
 * commit by {@link MailDelivery}; a delivery that fails stays there and is tried again ({@link MailRetryJob}).
 *
 * @param dedupKey says which message this is across every retry: a message whose key is already in
 *     {@code mail_delivery} was sent and is never sent again
 */
public record MailRequested(String to, String subject, String body, String dedupKey) {

    public MailRequested {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 200) {
            throw new IllegalArgumentException("dedupKey must be 1 to 200 characters");
        }
    }
}
