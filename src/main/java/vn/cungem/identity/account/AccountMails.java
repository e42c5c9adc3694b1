package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.web.PublicAddress;

/**
 * The emails identity sends, Vietnamese first and English below: nobody has chosen a language when a mail is written.
 * Each is stored with the change that causes it and sent after that commits (a mail server that is down only delays it).
 */
@Component
class AccountMails {

    private final OutgoingMail mail;
    private final IdentityText text;
    private final PublicAddress address;

    AccountMails(OutgoingMail mail, IdentityText text, PublicAddress address) {
        this.mail = mail;
        this.text = text;
        this.address = address;
    }

    void invitation(String email, String fullName, String inviter, Role role, String token) {
        send(
                email,
                "mail.invitation",
                fullName,
                inviter,
                IdentityText.roleInSentence(role),
                link("/invitation/" + token));
    }

    void passwordReset(AccountRow account, String token) {
        send(account.email(), "mail.passwordReset", account.fullName(), link("/password-reset/" + token));
    }

    /** Carries nothing typed into the sign-up form, not even the name: the mailbox is not yet shown to be theirs. */
    void emailCheck(String email, String token) {
        send(email, "mail.verifyEmail", link("/register/verify/" + token));
    }

    void passwordChanged(AccountRow account) {
        String when = Formats.DATE_TIME.format(OffsetDateTime.now().atZoneSameInstant(Formats.VIETNAM));
        send(account.email(), "mail.passwordChanged", account.fullName(), when, link("/password-reset"));
    }

    private void send(String to, String key, Object... args) {
        String subject = text.vi(key + ".subject") + " / " + text.en(key + ".subject");
        String body = text.vi(key + ".body", args) + "\n\n---\n\n" + text.en(key + ".body", args);
        mail.send(to, subject, body);
    }

    private String link(String path) {
        return address.link(path);
    }
}
