package vn.cungem.identity.account;

/**
 * Sends the platform's emails. With {@code spring.mail.host} set it goes through SMTP; without it (the demo run) the
 * message, link included, is written to the log so the person trying the software can still follow it.
 */
public interface Mailer {

    void send(String to, String subject, String body);
}
