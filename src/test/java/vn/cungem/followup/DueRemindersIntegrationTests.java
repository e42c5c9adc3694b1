package vn.cungem.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.followup.work.DueReminders;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.MailOutbox;
import vn.cungem.testsupport.TestFixtures;

/**
 * The daily reminder of follow-up checks that fell due (issue 14), run by the test itself (its cron is off in the test
 * profile): the school's officers get one mail naming the devices, nobody else does, and a check is reminded once however
 * often the job runs.
 */
@IntegrationTest
class DueRemindersIntegrationTests {

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
    DueReminders reminders;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Test
    void theOfficersOfTheSchoolAreRemindedOncePerDueCheck() {
        FollowUpTestData data = new FollowUpTestData(fixtures, jdbc, publisher, tx, inventory, reservations);
        AccountDetails secondOfficer = fixtures.account(
                Role.SCHOOL_OFFICER, data.reservation.workshop.district, data.reservation.school, null);
        AccountDetails otherSchool = fixtures.account(
                Role.SCHOOL_OFFICER,
                data.reservation.workshop.district,
                fixtures.school("Trường THCS Bình Thọ", data.reservation.workshop.district),
                null);
        LocalDate today = LocalDate.now().plusDays(100);
        // handed over 20 days before "today": the 14-day check is due, the 60-day check is not
        FollowUpTestData.Handed lan = data.handOver("Nguyễn Thị Lan", today.minusDays(20));
        FollowUpTestData.Handed huy = data.handOver("Lê Quang Huy", today.minusDays(20));
        // a check already recorded is not reminded
        FollowUpTestData.Handed mai = data.handOver("Trần Ngọc Mai", today.minusDays(20));
        jdbc.sql("""
                        update followup_check set status = 'DONE', learning = 'YES', recorded_at = current_timestamp,
                               recorded_by_name = 'Cô Hoa' where followup_handover_id = ?""").param(data.followUpOf(mai)).update();

        // the database may hold other tests' checks: only this school's mails are counted
        reminders.remind(today);
        List<String> first = mailsTo(data.officerAccount.email());
        reminders.remind(today);
        reminders.remind(today.plusDays(1));
        assertThat(mailsTo(data.officerAccount.email())).isEqualTo(first);

        assertThat(first).hasSize(1);
        assertThat(first.get(0))
                .contains(lan.tag())
                .contains(huy.tag())
                .doesNotContain(mai.tag())
                .doesNotContain("Nguyễn Thị Lan")
                .contains("/followup/checks");
        assertThat(mailsTo(secondOfficer.email())).hasSize(1);
        assertThat(mailsTo(otherSchool.email())).isEmpty();
        assertThat(mailsTo(data.managerAccount.email())).isEmpty();
        assertThat(jdbc.sql(
                                "select count(*) from followup_check where reminded_at is not null and followup_handover_id in (?, ?)")
                        .params(data.followUpOf(lan), data.followUpOf(huy))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    /** Every message delivered to this address, once every mail a committed change asked for has gone. */
    private List<String> mailsTo(String address) {
        MailOutbox.awaitDelivered(jdbc, address);
        return Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .map(DueRemindersIntegrationTests::text)
                .toList();
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
