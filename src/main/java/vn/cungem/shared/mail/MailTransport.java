package vn.cungem.shared.mail;

/** Where a message finally goes: the SMTP server, or the log in the try-it-out mode. */
interface MailTransport {

    void deliver(MailRequested mail);
}
