package vn.cungem.donation.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.ConflictException;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 9, finding 9: a donor may bring the goods to any collection point of the campaign they pledged to, so the Nhà
 * Bè manager records them at a Nhà Bè point against a pledge made for a Thủ Đức point. But the receiving side sees
 * only what it needs (code, pledged lines, the donor's name masked, no contact details), and a pledge of another
 * campaign is refused with that reason.
 */
@IntegrationTest
class ReceivingAnotherDistrictsPledgeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Receipts receipts;

    DonationTestData data;
    long campaign;
    long otherCampaign;
    long pointThuDuc;
    long pointNhaBe;
    AccountDetails managerThuDuc;
    AccountDetails managerNhaBe;
    DonationTestData.Pledge pledge;

    @BeforeEach
    void setUp() {
        data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        long thuDuc = fixtures.unit("Thành phố Thủ Đức", "district", city);
        long nhaBe = fixtures.unit("Huyện Nhà Bè", "district", city);
        campaign = data.campaign(city);
        otherCampaign = data.campaign(city);
        pointThuDuc = data.point(campaign, thuDuc, null);
        pointNhaBe = data.point(campaign, nhaBe, null);
        data.point(otherCampaign, nhaBe, null);
        managerThuDuc = fixtures.manager(thuDuc);
        managerNhaBe = fixtures.manager(nhaBe);
        pledge = data.pledge(campaign, pointThuDuc, null, false);
    }

    private static List<Receipts.Line> laptops() {
        return List.of(new Receipts.Line(ItemType.LAPTOP, 2, ItemCondition.USED_WORKING, "Sạc", null, null));
    }

    @Test
    void aDonorMayBringTheGoodsToAnotherDistrictsPointOfTheSameCampaign() {
        Receipts.Receipt r = receipts.record(
                campaign,
                new Receipts.NewReceipt(pointNhaBe, pledge.code(), null, null, laptops(), null, null),
                managerNhaBe.caller());
        assertThat(r.pledgeCode()).isEqualTo(pledge.code());
        assertThat(r.point().id()).isEqualTo(pointNhaBe);
        assertThat(data.pledgeStatus(pledge.id())).isEqualTo("PARTLY_RECEIVED");
        // the receiving side sees the donor masked; the pledge's own district sees the name
        assertThat(r.donorName()).isEqualTo("Trần T. H.");
        assertThat(receipts.get(campaign, r.id(), managerNhaBe.caller()).donorName())
                .isEqualTo("Trần T. H.");
        assertThat(receipts.list(campaign, null, managerNhaBe.caller(), 0).items())
                .extracting(Receipts.Summary::donorName)
                .containsExactly("Trần T. H.");
    }

    @Test
    void theReceivingFormShowsThePledgedGoodsButNotWhoTheDonorIs() throws Exception {
        var toReceive = receipts.pledgeByCode(campaign, pledge.code(), managerNhaBe.caller())
                .orElseThrow();
        assertThat(toReceive.donorName()).isEqualTo("Trần T. H.");
        assertThat(toReceive.lines())
                .extracting(Receipts.ReceiptLine::type)
                .containsExactly(ItemType.LAPTOP, ItemType.BOOKS_AND_SUPPLIES);
        assertThat(receipts.pledgeByCode(campaign, pledge.code(), managerThuDuc.caller())
                        .orElseThrow()
                        .donorName())
                .isEqualTo("Trần Thị Hoà");

        String page = mvc.perform(get("/campaigns/{id}/receipts/new", campaign)
                        .param("pledge", pledge.code())
                        .param("point", String.valueOf(pointNhaBe))
                        .with(user(managerNhaBe)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(pledge.code(), "Trần T. H.", "Dell Latitude")
                .doesNotContain("Trần Thị Hoà", "0903123456", "hoa.tran@example.vn");

        String api = mvc.perform(post("/api/v1/campaigns/{id}/receipts", campaign)
                        .with(user(managerNhaBe))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"collectionPointId": %d, "pledgeCode": "%s",
                                 "lines": [{"type": "LAPTOP", "quantity": 1, "condition": "USED_WORKING"}]}""".formatted(pointNhaBe, pledge.code())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).contains("Trần T. H.").doesNotContain("Trần Thị Hoà", "0903123456", "hoa.tran@example.vn");
    }

    @Test
    void aPledgeOfAnotherCampaignIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> receipts.record(
                        otherCampaign,
                        new Receipts.NewReceipt(
                                jdbc.sql("select id from collection_point where campaign_id = ?")
                                        .param(otherCampaign)
                                        .query(Long.class)
                                        .single(),
                                pledge.code(),
                                null,
                                null,
                                laptops(),
                                null,
                                null),
                        managerNhaBe.caller()))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "receipt.pledge-other-campaign");
        long point = jdbc.sql("select id from collection_point where campaign_id = ?")
                .param(otherCampaign)
                .query(Long.class)
                .single();
        String problem = mvc.perform(post("/api/v1/campaigns/{id}/receipts", otherCampaign)
                        .with(user(managerNhaBe))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"collectionPointId": %d, "pledgeCode": "%s",
                                 "lines": [{"type": "LAPTOP", "quantity": 1, "condition": "USED_WORKING"}]}""".formatted(point, pledge.code())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("receipt.pledge-other-campaign"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(problem)
                .contains("thuộc một chương trình khác", "belongs to another campaign")
                .doesNotContain("Trần T. H.", "Trần Thị Hoà");
        String page = mvc.perform(get("/campaigns/{id}/receipts/new", otherCampaign)
                        .param("pledge", pledge.code())
                        .with(user(managerNhaBe)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the donor, whole or shortened; the page's header does name the signed-in manager
        assertThat(page).contains("thuộc một chương trình khác").doesNotContain("Trần T. H.", "Trần Thị Hoà");
        assertThat(jdbc.sql("select count(*) from receipt where campaign_id = ?")
                        .param(otherCampaign)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(data.pledgeStatus(pledge.id())).isEqualTo("PLEDGED");
    }

    @Test
    void someoneWhoReceivesNowhereInTheCampaignLearnsNothingFromACode() {
        AccountDetails donor = fixtures.account(vn.cungem.shared.security.Role.DONOR, null, null, null);
        assertThatThrownBy(() -> receipts.pledgeByCode(campaign, pledge.code(), donor.caller()))
                .isInstanceOf(vn.cungem.shared.NotFoundException.class);
    }
}
