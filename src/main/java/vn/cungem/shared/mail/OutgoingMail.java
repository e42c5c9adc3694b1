package vn.cungem.shared.mail;

/**
 * Sends a plain-text email. With {@code spring.mail.host} set it goes through SMTP; without it (the demo run) the
 * message is written to the log so a person trying the software can still read it. Modules that must not depend on
 * identity (which has its own mailer for account links) use this one.
 */
public interface OutgoingMail {

    void send(String to, String subject, String body);
}
