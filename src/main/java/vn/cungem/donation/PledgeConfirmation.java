package vn.cungem.donation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.cungem.shared.mail.OutgoingMail;

/** The email a donor gets once their pledge is stored: the code, where to see it, and what to write on a transfer. */
@Component
class PledgeConfirmation {

    private final OutgoingMail mail;
    private final String baseUrl;

    PledgeConfirmation(OutgoingMail mail, @Value("${cungem.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    void send(String email, TrackingCode code) {
        String link = baseUrl + "/public/pledges/" + code.value();
        String track = baseUrl + "/public/track/" + code.value();
        String body = """
                Cảm ơn anh/chị đã đăng ký ủng hộ chương trình Cùng Em.

                Mã đăng ký (mã theo dõi): %1$s
                Xem lại đăng ký và thông tin chuyển khoản: %2$s
                Theo dõi món quà của anh/chị: %3$s

                Nếu chuyển khoản, xin ghi mã %1$s trong nội dung chuyển khoản.

                ---

                Thank you for your pledge to the Cùng Em programme.

                Pledge (tracking) code: %1$s
                Your pledge and transfer details: %2$s
                Follow your gift: %3$s

                If you transfer money, please put %1$s in the transfer note.
                """.formatted(code.value(), link, track);
        // The key makes a second confirmation of the same pledge impossible; a mail server that is down delays it only.
        mail.send(
                email,
                "Cùng Em: mã đăng ký ủng hộ " + code.value() + " / your pledge code",
                body,
                "pledge-confirmation:" + code.value());
    }
}
