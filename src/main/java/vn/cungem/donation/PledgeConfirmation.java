package vn.cungem.donation;

import org.springframework.stereotype.Component;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.web.PublicAddress;

/** The email a donor gets once their pledge is stored: the code, where to see it, and what to write on a transfer. */
@Component
class PledgeConfirmation {

    private final OutgoingMail mail;
    private final PublicAddress address;

    PledgeConfirmation(OutgoingMail mail, PublicAddress address) {
        this.mail = mail;
        this.address = address;
    }

    void send(String email, TrackingCode code) {
        String link = address.link("/public/pledges/" + code.value());
        String track = address.link("/public/track/" + code.value());
        // The donor's language is unknown: the mail says everything in Vietnamese, then in English.
        String body = Bundles.vi("pledge.mail.body", code.value(), link, track)
                + "\n---\n\n"
                + Bundles.en("pledge.mail.body", code.value(), link, track);
        // The key makes a second confirmation of the same pledge impossible; a mail server that is down delays it only.
        mail.send(
                email,
                Bundles.vi("pledge.mail.subject", code.value()) + " / " + Bundles.en("pledge.mail.subject"),
                body,
                "pledge-confirmation:" + code.value());
    }
}
