package vn.cungem.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.MailOutbox;
import vn.cungem.testsupport.TestFixtures;

/**
 * Every public form and API answers 429 with {@code Retry-After} once its documented limit is reached, per client
 * address and per target email. Small limits here; each test uses client addresses and emails of its own, so the
 * buckets other tests (and earlier runs on the same PostgreSQL database) filled never count.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "cungem.rate-limits.password-reset-per-email.capacity=3",
            "cungem.rate-limits.password-reset-per-client.capacity=5",
            "cungem.rate-limits.sign-up-per-email.capacity=2",
            "cungem.rate-limits.sign-up-per-client.capacity=4",
            "cungem.rate-limits.pledge-per-client.capacity=3",
            "cungem.rate-limits.pledge-per-email.capacity=2",
            "cungem.rate-limits.lookup-per-client.capacity=5",
            "cungem.rate-limits.certificate-per-client.capacity=2",
            "cungem.rate-limits.password-reset-per-email.period=1h",
            "cungem.rate-limits.password-reset-per-client.period=1h",
            "cungem.rate-limits.sign-up-per-email.period=1h",
            "cungem.rate-limits.sign-up-per-client.period=1h",
            "cungem.rate-limits.pledge-per-client.period=1h",
            "cungem.rate-limits.pledge-per-email.period=1d",
            "cungem.rate-limits.lookup-per-client.period=10m",
            "cungem.rate-limits.certificate-per-client.period=10m"
        })
class RateLimitIntegrationTests {

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

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger((int) (System.nanoTime() & 0xffff));
    private static final String PASSWORD = "Mùa thu Hà Nội có hoa sữa";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CollectionPoints points;

    @Autowired
    BankAccounts bankAccounts;

    @Autowired
    RateLimitPurgeJob purgeJob;

    @Autowired
    JdbcClient jdbc;

    Campaign campaign;
    CollectionPoint point;

    @BeforeEach
    void openCampaign() {
        long province = fixtures.unit("Tỉnh Giới Hạn " + TestFixtures.unique(""), "province", null);
        long district = fixtures.unit("Quận Giới Hạn", "district", province);
        long ward = fixtures.unit("Phường Giới Hạn", "commune", district);
        AccountDetails manager = fixtures.manager(district);
        campaign = DonationTestData.activeCampaign(campaigns, district, manager.caller());
        point = DonationTestData.point(points, campaign.id(), ward, manager.caller());
        // the public pledge page offers only a campaign that can take goods and money
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());
    }

    /** A client address no other test or earlier run used, in 100.64.0.0/10 (shared address space). */
    static String newClientAddress() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "100." + (64 + ((n >> 16) & 0x3f)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    long mailsTo(String address) throws Exception {
        MailOutbox.awaitDelivered(jdbc, address);
        long count = 0;
        for (MimeMessage m : GREEN_MAIL.getReceivedMessages()) {
            if (Arrays.toString(m.getAllRecipients()).contains(address)) {
                count++;
            }
        }
        return count;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newEmail(String prefix) {
        return TestFixtures.unique(prefix).toLowerCase(Locale.ROOT) + "@example.vn";
    }

    // ---- password reset ----

    @Test
    void passwordResetIsRefusedAfterTheLimitForOneEmailFromManyAddresses() throws Exception {
        String victim = newEmail("nan.nhan");
        for (int i = 0; i < 3; i++) {
            // the case of the typed address does not make it another target
            String typed = i == 1 ? victim.toUpperCase(Locale.ROOT) : victim;
            mvc.perform(resetRequest(typed).with(from(newClientAddress()))).andExpect(status().isOk());
        }
        MvcResult refused = mvc.perform(resetRequest(victim).with(from(newClientAddress())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("quá nhiều yêu cầu")))
                // the form again, to try later
                .andExpect(content().string(containsString("action=\"/password-reset\"")))
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 3600L);
    }

    @Test
    void passwordResetIsRefusedAfterTheLimitFromOneAddress() throws Exception {
        String address = newClientAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(resetRequest(newEmail("reset")).with(from(address))).andExpect(status().isOk());
        }
        mvc.perform(resetRequest(newEmail("reset")).with(from(address)).param("lang", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("Too many requests")));
        // another address is not held back
        mvc.perform(resetRequest(newEmail("reset")).with(from(newClientAddress())))
                .andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder resetRequest(String email) {
        return post("/password-reset").with(csrf()).param("email", email);
    }

    // ---- donor sign-up ----

    @Test
    void signUpIsRefusedAfterTheLimitForOneEmailFromManyAddresses() throws Exception {
        String victim = newEmail("nguoi.la");
        for (int i = 0; i < 2; i++) {
            mvc.perform(signUp(victim, "Nguyễn Văn An").with(from(newClientAddress())))
                    .andExpect(status().isOk());
        }
        mvc.perform(signUp(victim, "Nguyễn Văn An").with(from(newClientAddress())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("quá nhiều yêu cầu")))
                .andExpect(content().string(containsString("action=\"/register\"")));
        assertThat(mailsTo(victim)).isEqualTo(2);
    }

    @Test
    void signUpIsRefusedAfterTheLimitFromOneAddressForManyEmails() throws Exception {
        String address = newClientAddress();
        for (int i = 0; i < 4; i++) {
            mvc.perform(signUp(newEmail("dang.ky"), "Trần Thị Bình").with(from(address)))
                    .andExpect(status().isOk());
        }
        mvc.perform(signUp(newEmail("dang.ky"), "Trần Thị Bình").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    private static MockHttpServletRequestBuilder signUp(String email, String name) {
        return post("/register")
                .with(csrf())
                .param("email", email)
                .param("fullName", name)
                .param("password", PASSWORD)
                .param("confirmPassword", PASSWORD);
    }

    // ---- pledges ----

    @Test
    void pledgePageIsRefusedAfterTheLimitFromOneAddress() throws Exception {
        String address = newClientAddress();
        for (int i = 0; i < 3; i++) {
            mvc.perform(pledgeForm(null).with(from(address))).andExpect(status().is3xxRedirection());
        }
        mvc.perform(pledgeForm(null).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("quá nhiều yêu cầu")))
                // the form again, with what was typed
                .andExpect(content().string(containsString("Nguyễn Thị Hoa")));
    }

    @Test
    void pledgeConfirmationsToOneEmailAreRefusedAfterTheLimitOnPageAndApi() throws Exception {
        String victim = newEmail("hoa");
        mvc.perform(pledgeForm(victim).with(from(newClientAddress()))).andExpect(status().is3xxRedirection());
        mvc.perform(pledgeApi(victim).with(from(newClientAddress()))).andExpect(status().isCreated());
        mvc.perform(pledgeApi(victim.toUpperCase(Locale.ROOT)).with(from(newClientAddress())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.code").value("rate-limited"))
                .andExpect(jsonPath("$.detail").value(containsString("quá nhiều yêu cầu")))
                .andExpect(jsonPath("$.detail_en").value(containsString("Too many requests")));
        mvc.perform(pledgeForm(victim).with(from(newClientAddress()))).andExpect(status().isTooManyRequests());
        assertThat(mailsTo(victim)).isEqualTo(2);
        // a pledge without an email sends nothing and is only counted per address
        mvc.perform(pledgeApi(null).with(from(newClientAddress()))).andExpect(status().isCreated());
    }

    @Test
    void pledgeApiIsRefusedAfterTheLimitFromOneAddress() throws Exception {
        String address = newClientAddress();
        for (int i = 0; i < 3; i++) {
            mvc.perform(pledgeApi(null).with(from(address))).andExpect(status().isCreated());
        }
        mvc.perform(pledgeApi(null).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("rate-limited"));
    }

    private MockHttpServletRequestBuilder pledgeForm(String email) {
        MockHttpServletRequestBuilder form = post("/public/campaigns/{code}/pledge", campaign.code())
                .with(csrf())
                .param("lines[0].itemType", "LAPTOP")
                .param("lines[0].quantity", "1")
                .param("lines[0].condition", "USED_WORKING")
                .param("collectionPointId", Long.toString(point.id()))
                .param("expectedOn", DonationTestData.TODAY.plusDays(3).toString())
                .param("donorKind", "INDIVIDUAL")
                .param("name", "Nguyễn Thị Hoa")
                .param("phone", "0931.771.213");
        return email == null ? form : form.param("email", email);
    }

    private MockHttpServletRequestBuilder pledgeApi(String email) {
        String donorEmail = email == null ? "" : ", \"email\": \"" + email + "\"";
        return post("/api/v1/public/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"campaignId": %d, "collectionPointId": %d, "expectedOn": "%s",
                         "lines": [{"itemType": "LAPTOP", "quantity": 1, "condition": "USED_WORKING"}],
                         "donor": {"kind": "INDIVIDUAL", "name": "Phạm Thị Lan", "phone": "0931.771.213"%s}}""".formatted(campaign.id(), point.id(), DonationTestData.TODAY.plusDays(3), donorEmail));
    }

    // ---- look-ups by code ----

    @Test
    void lookUpsByCodeShareOneLimitPerAddressAcrossPagesAndApi() throws Exception {
        String address = newClientAddress();
        mvc.perform(get("/public/track/CE0000000").with(from(address))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/track/CE0000000").with(from(address))).andExpect(status().isNotFound());
        mvc.perform(get("/public/pledges/CE0000000").with(from(address))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/pledges/CE0000000").with(from(address))).andExpect(status().isNotFound());
        mvc.perform(get("/public/pledges/CE0000000/vietqr.png").with(from(address)))
                .andExpect(status().isNotFound());

        mvc.perform(get("/public/track/CE0000000").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("quá nhiều yêu cầu")))
                // the look-up form again
                .andExpect(content().string(containsString("action=\"/public/track\"")));
        mvc.perform(get("/api/v1/public/track/CE0000000").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("rate-limited"));
        mvc.perform(get("/public/pledges/CE0000000").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(get("/api/v1/public/pledges/CE0000000").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail_en").value(containsString("Too many requests")));
        mvc.perform(get("/public/pledges/CE0000000/vietqr.png").with(from(address)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void certificateDownloadsAreRefusedAfterTheLimitFromOneAddress() throws Exception {
        String address = newClientAddress();
        for (int i = 0; i < 2; i++) {
            mvc.perform(get("/public/track/CE0000000/certificate.pdf").with(from(address)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/public/track/CE0000000/certificate.pdf").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("quá nhiều yêu cầu")));
    }

    // ---- housekeeping ----

    @Test
    void purgeDeletesOnlyBucketsThatAreFullAgain() {
        String expired = "test-expired:" + TestFixtures.unique("");
        String live = "test-live:" + TestFixtures.unique("");
        jdbc.sql("insert into rate_limit_bucket (id, state, expires_at) values (?, null, ?)")
                .params(expired, System.currentTimeMillis() - 1000)
                .update();
        jdbc.sql("insert into rate_limit_bucket (id, state, expires_at) values (?, null, ?)")
                .params(live, System.currentTimeMillis() + 3_600_000)
                .update();

        assertThat(purgeJob.purgeExpired()).isPositive();

        assertThat(jdbc.sql("select id from rate_limit_bucket where id in (?, ?)")
                        .params(expired, live)
                        .query(String.class)
                        .list())
                .containsExactly(live);
        jdbc.sql("delete from rate_limit_bucket where id = ?").param(live).update();
    }
}
