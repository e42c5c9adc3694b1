package vn.cungem.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.MailOutbox;
import vn.cungem.testsupport.TestFixtures;

/**
 * Outgoing mail through the event publication registry: stored with the change, sent after the commit and never after
 * a rollback, retried while the mail server is down without failing the request, and never sent twice. The SMTP server
 * (GreenMail, on a free port) is started and stopped by each test, so a test can have it down.
 */
@IntegrationTest
@TestPropertySource(properties = "cungem.mail.retry-after=PT0S")
class OutgoingMailIntegrationTests {

    static final int SMTP_PORT = freePort();
    private static final String PASSWORD = "Mùa thu Hà Nội có hoa sữa";

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    OutgoingMail mail;

    @Autowired
    MailRetryJob retryJob;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    GreenMail server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void isSentAfterTheCommitAndNeverAfterARollback() throws Exception {
        startServer();
        String to = TestFixtures.unique("sau.commit") + "@example.vn";
        String key = TestFixtures.unique("commit-test");
        tx.executeWithoutResult(status -> {
            mail.send(to, "Thử / Test", "Nội dung / Body", key);
            // written in this very transaction, and not sent while it is open
            assertThat(MailOutbox.incomplete(jdbc, key)).isEqualTo(1);
            assertThat(received(to)).isEmpty();
        });
        MailOutbox.awaitDelivered(jdbc, key);
        assertThat(received(to)).hasSize(1);
        assertThat(MailOutbox.incomplete(jdbc, key)).isZero();

        String notSent = TestFixtures.unique("rollback") + "@example.vn";
        tx.executeWithoutResult(status -> {
            mail.send(notSent, "Thử / Test", "Không gửi / Not sent");
            status.setRollbackOnly();
        });
        // nothing stored, so nothing can ever be sent
        assertThat(MailOutbox.incomplete(jdbc, notSent)).isZero();
        assertThat(received(notSent)).isEmpty();

        assertThatThrownBy(() -> mail.send(notSent, "Thử / Test", "Ngoài giao dịch / Outside a transaction"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMailServerThatIsDownFailsNoRequestAndTheMessageGoesOutOnceWhenItIsBack() throws Exception {
        // Down: the donor's sign-up still commits and answers 200; the verification email waits in the registry.
        String email = TestFixtures.unique("may.chu.thu.hong") + "@example.vn";
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", email)
                        .param("fullName", "Phạm Minh Đức")
                        .param("password", PASSWORD)
                        .param("confirmPassword", PASSWORD))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from user_account where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        MailOutbox.awaitUntil(() -> MailOutbox.pending(jdbc, email) == 0, "the delivery attempt to fail");
        assertThat(MailOutbox.incomplete(jdbc, email)).isEqualTo(1);

        // Back up: the retry sends it, once.
        startServer();
        retryJob.retry();
        MailOutbox.awaitUntil(() -> received(email).size() == 1, "the retried email");
        MailOutbox.awaitDelivered(jdbc, email);
        assertThat(MailOutbox.incomplete(jdbc, email)).isZero();
        assertThat(GreenMailUtil.getBody(received(email).get(0)).replace("=\r\n", ""))
                .contains("/register/verify/");

        // A second run finds nothing left to send.
        retryJob.retry();
        MailOutbox.awaitDelivered(jdbc, email);
        assertThat(received(email)).hasSize(1);
    }

    @Test
    void aMessageWhoseKeyWasDeliveredIsNeverSentAgain() {
        // What a retry meets when the send went through but marking the publication complete did not.
        startServer();
        String to = TestFixtures.unique("mot.lan") + "@example.vn";
        String key = TestFixtures.unique("once");
        tx.executeWithoutResult(status -> mail.send(to, "Một lần / Once", "Lần đầu / First", key));
        MailOutbox.awaitDelivered(jdbc, key);
        assertThat(received(to)).hasSize(1);

        tx.executeWithoutResult(status -> mail.send(to, "Một lần / Once", "Lần hai / Second", key));
        MailOutbox.awaitDelivered(jdbc, key);
        retryJob.retry();
        MailOutbox.awaitDelivered(jdbc, key);
        assertThat(received(to)).hasSize(1);
        assertThat(MailOutbox.incomplete(jdbc, key)).isZero();
        assertThat(jdbc.sql("select count(*) from mail_delivery where dedup_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void startServer() {
        server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Messages to this address on the running server (a retry may also send other tests' old messages here). */
    private List<MimeMessage> received(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.toString(m.getAllRecipients()).contains(address);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
