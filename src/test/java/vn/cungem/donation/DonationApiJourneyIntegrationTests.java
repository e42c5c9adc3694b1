package vn.cungem.donation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.text.Formats;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The donor journey through the API alone, as a partner's integration would drive it: an anonymous pledge of a used
 * laptop and 500.000 ₫, retried with the same key; the receipt against its code; the bank statement whose note carries
 * the code, imported twice. The pledge ends fully received, and nothing was counted twice.
 */
@IntegrationTest
class DonationApiJourneyIntegrationTests {

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

    @Test
    void pledgeReceiptAndStatementCloseThePledgeOnceThroughTheApi() throws Exception {
        long province = fixtures.unit("Tỉnh API Quà " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Xã Phước Kiển", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, province, manager.caller());
        CollectionPoint point = DonationTestData.point(points, campaign.id(), ward, manager.caller());
        DonationTestData.bankAccount(bankAccounts, campaign.id(), manager.caller());
        String key = TestFixtures.unique("api-journey-");
        String pledge = """
                {"campaignId": %d, "collectionPointId": %d, "cashAmountVnd": 500000,
                 "lines": [{"itemType": "LAPTOP", "quantity": 1, "condition": "USED_WORKING",
                            "accessories": "Sạc và cáp"}],
                 "donor": {"kind": "INDIVIDUAL", "name": "Phạm Thị Lan", "phone": "0931.771.213"}}""".formatted(campaign.id(), point.id());

        String created = mvc.perform(post("/api/v1/public/pledges")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(pledge))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String code = JsonPath.read(created, "$.code");
        mvc.perform(post("/api/v1/public/pledges")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(pledge))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(code));

        mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign.id())
                        .with(user(manager))
                        .header("Idempotency-Key", key + "-receipt")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"collectionPointId": %d, "pledgeCode": "%s",
                                 "lines": [{"type": "LAPTOP", "quantity": 1, "condition": "USED_WORKING",
                                            "accessories": "Sạc và cáp", "serialNumbers": ["5CG1234XYZ"]}]}""".formatted(point.id(), code)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/public/pledges/{code}", code))
                .andExpect(jsonPath("$.status").value("PARTLY_RECEIVED"));

        String today = Formats.DATE.format(DonationTestData.TODAY);
        byte[] statement = ("Ngày giao dịch;Số bút toán;Ghi nợ;Ghi có;Số dư;Nội dung\n"
                        + today + ";FT21263" + key.hashCode() + ";;500.000;10.500.000;PHAM THI LAN chuyen khoan "
                        + code.substring(0, 5) + " " + code.substring(5) + " ung ho\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign.id())
                            .file(new MockMultipartFile("file", "saoke.csv", "text/csv", statement))
                            .with(user(manager)))
                    .andExpect(status().is2xxSuccessful())
                    .andExpect(jsonPath("$.result.matchedByCode").value(attempt == 0 ? 1 : 0))
                    .andExpect(jsonPath("$.result.alreadyKnown").value(attempt == 0 ? 0 : 1));
        }

        mvc.perform(get("/api/v1/public/pledges/{code}", code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.cashReceivedVnd").value(500000));
        mvc.perform(get("/api/v1/campaigns/{id}/ledger", campaign.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.balance").value(500000));
    }
}
