package vn.cungem.donation.pledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.BankAccounts;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.TrackingCode;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.MailOutbox;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class PledgeIntegrationTests {

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
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    CollectionPoints points;

    @Autowired
    BankAccounts bankAccounts;

    long district;
    long ward;
    AccountDetails manager;
    AccountDetails otherManager;
    Campaign campaign;
    CollectionPoint point;

    @BeforeEach
    void campaignWithPointAndAccount() {
        long province = fixtures.unit("Tỉnh Ủng Hộ " + TestFixtures.unique(""), "province", null);
        district = fixtures.unit("Quận Ủng Hộ", "district", province);
        ward = fixtures.unit("Phường Một", "commune", district);
        long otherDistrict = fixtures.unit("Huyện Khác", "district", province);
        manager = fixtures.manager(district);
        otherManager = fixtures.manager(otherDistrict);
        campaign = DonationTestData.activeCampaign(campaigns, district, manager.caller());
        point = DonationTestData.point(points, campaign.id(), ward, manager.caller());
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());
    }

    private MockHttpServletRequestBuilder pledgeForm(String key) {
        return pledgeForm(key, DonationTestData.TODAY.plusDays(3));
    }

    private MockHttpServletRequestBuilder pledgeForm(String key, java.time.LocalDate expectedOn) {
        return post("/public/campaigns/{code}/pledge", campaign.code())
                .with(csrf())
                .param("idempotencyKey", key)
                .param("lines[0].itemType", "LAPTOP")
                .param("lines[0].quantity", "1")
                .param("lines[0].condition", "USED_WORKING")
                .param("lines[0].accessories", "sạc, cáp")
                .param("cashAmount", "500.000")
                .param("collectionPointId", Long.toString(point.id()))
                .param("expectedOn", expectedOn.toString())
                .param("donorKind", "INDIVIDUAL")
                .param("name", "Nguyễn Thị Hoa")
                .param("phone", "0931.771.213")
                .param("email", "hoa@example.vn")
                .param("namedPublicly", "true")
                .param("wantsCertificate", "true");
    }

    private String codeOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void donorPledgesWithoutAnAccountAndSeesTheCodeAndTheTransferDetails() throws Exception {
        String location = mvc.perform(pledgeForm(TestFixtures.unique("k")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/public/pledges/CE");
        String code = codeOf(location);
        assertThat(new TrackingCode(code).prefix()).isEqualTo("CE");

        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("500.000")))
                .andExpect(content().string(containsString(code + " UNG HO")))
                .andExpect(content().string(containsString("0011004123456")))
                .andExpect(content().string(containsString("Điểm tiếp nhận Phường Một")))
                .andExpect(content().string(containsString("/public/track/" + code)))
                .andExpect(content().string(containsString("5303704" + "5406500000" + "5802VN")))
                .andExpect(content().string(not(containsString("0931771213"))));
        mvc.perform(get(location + "/vietqr.png"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));

        Long lines = jdbc.sql("select count(*) from pledge_line l join pledge p on p.id = l.pledge_id where p.code = ?")
                .param(code)
                .query(Long.class)
                .single();
        assertThat(lines).isEqualTo(1);
        String phone = jdbc.sql("select d.phone from donor d join pledge p on p.donor_id = d.id where p.code = ?")
                .param(code)
                .query(String.class)
                .single();
        assertThat(phone).isEqualTo("0931771213");
    }

    @Test
    void aDoubleSubmitReturnsTheSamePledge() throws Exception {
        String key = TestFixtures.unique("k");
        String first = mvc.perform(pledgeForm(key)).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(pledgeForm(key)).andReturn().getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first);
        Long count = jdbc.sql("select count(*) from pledge where idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void sendsAConfirmationInVietnameseThenEnglish() throws Exception {
        String location = mvc.perform(pledgeForm(TestFixtures.unique("k")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String code = codeOf(location);
        MailOutbox.awaitDelivered(jdbc, code);
        Message mail = Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains(code))
                .findFirst()
                .orElseThrow();
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("hoa@example.vn");
        assertThat(body.replace("=\r\n", "")).contains("/public/pledges/" + code);
        assertThat(body.indexOf("C=E1=BA=A3m =C6=A1n") >= 0 || body.indexOf("Cảm ơn") >= 0)
                .isTrue();
    }

    @Test
    void theFormKeepsWhatWasTypedAndExplainsEachProblem() throws Exception {
        mvc.perform(post("/public/campaigns/{code}/pledge", campaign.code())
                        .with(csrf())
                        .param("idempotencyKey", TestFixtures.unique("k"))
                        .param("lines[0].itemType", "LAPTOP")
                        .param("lines[0].quantity", "2")
                        .param("lines[0].condition", "NEW")
                        .param("donorKind", "BUSINESS")
                        .param("name", "Công ty TNHH Ánh Dương")
                        .param("phone", "12345")
                        .param("taxCode", "03123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Công ty TNHH Ánh Dương")))
                .andExpect(content().string(containsString("Mã số thuế doanh nghiệp gồm 10 chữ số")))
                .andExpect(content().string(containsString("Chọn điểm tiếp nhận")))
                .andExpect(content().string(containsString("Số điện thoại")));
    }

    @Test
    void refusesADateOutsideTheCampaignsPhases() throws Exception {
        mvc.perform(pledgeForm(TestFixtures.unique("k"), DonationTestData.TODAY.plusDays(400)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("thời gian của chương trình")));
    }

    @Test
    void theApiHonoursTheIdempotencyKeyAndHidesContactDetails() throws Exception {
        String body = """
                {"campaignId": %d, "cashAmountVnd": 200000,
                 "donor": {"kind": "BUSINESS", "name": "Công ty Viễn Thông Sao", "phone": "+84 931 771 214",
                           "taxCode": "0312345678", "namedPublicly": true, "anonymous": false},
                 "lines": [{"itemType": "SIM_4G", "quantity": 50, "condition": "NEW"}],
                 "collectionPointId": %d}""".formatted(campaign.id(), point.id());
        String key = TestFixtures.unique("api");
        String code = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/public/pledges")
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.transfer.amountVnd").value(200000))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
        mvc.perform(post("/api/v1/public/pledges")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code));
        mvc.perform(get("/api/v1/public/pledges/{code}", code.toLowerCase(java.util.Locale.ROOT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donorName").value("Công ty Viễn Thông Sao"))
                .andExpect(jsonPath("$.lines[0].quantity").value(50))
                .andExpect(content().string(not(containsString("0931771214"))))
                .andExpect(content().string(not(containsString("0312345678"))));
    }

    @Test
    void theApiExplainsABadPledgeInBothLanguages() throws Exception {
        mvc.perform(post("/api/v1/public/pledges")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"campaignId\": %d, \"donor\": {\"name\": \"A\", \"phone\": \"0931771213\"}}"
                                .formatted(campaign.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("hiện vật")))
                .andExpect(jsonPath("$.detail_en").value(containsString("items")));
    }

    @Test
    void aMoneyPledgeWithoutABankAccountSaysTransferDetailsWillFollow() throws Exception {
        Campaign noAccount = DonationTestData.activeCampaign(campaigns, district, manager.caller());
        DonationTestData.point(points, noAccount.id(), ward, manager.caller());
        // the public page does not offer it (the go-live rule); the API still takes a pledge for it
        mvc.perform(get("/public/campaigns/{code}/pledge", noAccount.code())).andExpect(status().isNotFound());
        String code = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/public/pledges")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"campaignId": %d, "cashAmountVnd": 1000000,
                                         "donor": {"name": "Trần Văn Nam", "phone": "0987654321", "anonymous": true}}""".formatted(noAccount.id())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.code");
        String location = "/public/pledges/" + code;
        mvc.perform(get(location))
                .andExpect(content().string(containsString("thông tin chuyển khoản sẽ được gửi sau")))
                .andExpect(content().string(not(containsString("Trần Văn Nam"))));
        mvc.perform(get(location + "/vietqr.png")).andExpect(status().isNotFound());
    }

    @Test
    void theFormGoesStepByStepCheckingOnlyTheStepsSoFarAndStoresNothingUntilTheLast() throws Exception {
        String key = TestFixtures.unique("k");
        long before = jdbc.sql("select count(*) from pledge").query(Long.class).single();
        // step 1 with nothing chosen: back to step 1, the message linked to the amount field, nothing about the donor
        mvc.perform(post("/public/campaigns/{code}/pledge", campaign.code())
                        .with(csrf())
                        .param("idempotencyKey", key)
                        .param("step", "1")
                        .param("go", "next"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bước 1/3")))
                .andExpect(content().string(containsString("Xin cho biết hiện vật sẽ ủng hộ, số tiền, hoặc cả hai.")))
                .andExpect(content().string(containsString("href=\"#cashAmount\"")))
                .andExpect(content().string(not(containsString("Xin cho biết tên người"))));
        // a laptop: on to step 2, where the missing collection point is not a mistake yet
        var laptop = post("/public/campaigns/{code}/pledge", campaign.code())
                .with(csrf())
                .param("idempotencyKey", key)
                .param("lines[0].itemType", "LAPTOP")
                .param("lines[0].quantity", "1")
                .param("lines[0].condition", "USED_WORKING");
        mvc.perform(laptop.param("step", "1").param("go", "next"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bước 2/3")))
                .andExpect(content().string(not(containsString("pledge-errors"))))
                // the answers of step 1 travel on, in the hidden step
                .andExpect(content().string(containsString("value=\"LAPTOP\" selected")));
        // step 2 without a collection point for the laptop: stays on step 2 and says why
        mvc.perform(post("/public/campaigns/{code}/pledge", campaign.code())
                        .with(csrf())
                        .param("idempotencyKey", key)
                        .param("lines[0].itemType", "LAPTOP")
                        .param("lines[0].quantity", "1")
                        .param("lines[0].condition", "USED_WORKING")
                        .param("step", "2")
                        .param("go", "next"))
                .andExpect(content().string(containsString("Bước 2/3")))
                .andExpect(content().string(containsString("Chọn điểm tiếp nhận sẽ mang hiện vật đến.")));
        // "back" from step 3 returns to step 2 without any message
        mvc.perform(post("/public/campaigns/{code}/pledge", campaign.code())
                        .with(csrf())
                        .param("idempotencyKey", key)
                        .param("step", "3")
                        .param("go", "back"))
                .andExpect(content().string(containsString("Bước 2/3")))
                .andExpect(content().string(not(containsString("pledge-errors"))));
        // the last step without a name: stays on step 3, with the donor's message
        mvc.perform(post("/public/campaigns/{code}/pledge", campaign.code())
                        .with(csrf())
                        .param("idempotencyKey", key)
                        .param("cashAmount", "200000")
                        .param("step", "3"))
                .andExpect(content().string(containsString("Bước 3/3")))
                .andExpect(content().string(containsString("Xin cho biết tên người")))
                .andExpect(content().string(containsString("href=\"#name\"")));
        assertThat(jdbc.sql("select count(*) from pledge").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aFinishedStepFormSubmittedThroughHtmxIsSentToItsOwnPage() throws Exception {
        mvc.perform(pledgeForm(TestFixtures.unique("k")).param("step", "3").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("HX-Redirect", org.hamcrest.Matchers.startsWith("/public/pledges/CE")));
    }

    @Test
    void managersFollowPledgesInTheirScopeAndCancelWithAReason() throws Exception {
        String location = mvc.perform(pledgeForm(TestFixtures.unique("k")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String code = codeOf(location);
        long id = jdbc.sql("select id from pledge where code = ?")
                .param(code)
                .query(Long.class)
                .single();

        mvc.perform(get("/campaigns/{c}/pledges", campaign.id())
                        .param("q", "nguyen thi hoa")
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/api/v1/campaigns/{c}/pledges", campaign.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].code").value(code));
        mvc.perform(get("/campaigns/{c}/pledges/{p}", campaign.id(), id).with(user(otherManager)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/{c}/pledges", campaign.id()).with(user(otherManager)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/campaigns/{c}/pledges/{p}/cancel", campaign.id(), id)
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lý do")));
        mvc.perform(post("/campaigns/{c}/pledges/{p}/cancel", campaign.id(), id)
                        .param("reason", "Nhà hảo tâm đổi ý")
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from pledge where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'pledge' and entity_id = ?")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get("/campaigns/{c}/donations", campaign.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/campaigns/" + campaign.id() + "/ledger")));
    }

    @Test
    void anUnknownCodeIsNotFound() throws Exception {
        mvc.perform(get("/public/pledges/CE00000000")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/public/pledges/nonsense")).andExpect(status().isNotFound());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
