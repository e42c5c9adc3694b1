package vn.cungem.identity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.cungem.testsupport.MailOutbox;

/**
 * Base of the identity integration tests: a GreenMail SMTP server on a free port (not the fixed 3025, so two test runs
 * on one machine do not collide), shared by every subclass so they share one Spring context too.
 */
abstract class MailCatcher {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    JdbcClient mailJdbc;

    /**
     * The text of every message sent to this address, oldest first, once every email to it that a committed request
     * asked for has been delivered (delivery is after the commit, on another thread).
     */
    List<String> mailsTo(String address) {
        MailOutbox.awaitDelivered(mailJdbc, address);
        return Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .map(MailCatcher::text)
                .toList();
    }

    String lastMailTo(String address) {
        List<String> mails = mailsTo(address);
        if (mails.isEmpty()) {
            throw new AssertionError("no email to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** The token of the first link in the text whose path starts with {@code path}, e.g. "/invitation/". */
    static String tokenOf(String text, String path) {
        Matcher m =
                Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]{20,})").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + path + " link in: " + text);
        }
        return m.group(1);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getSubject() + "\n" + message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
