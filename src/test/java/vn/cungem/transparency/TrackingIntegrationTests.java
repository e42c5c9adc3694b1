package vn.cungem.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.inventory.Inventory;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class TrackingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Receipts receipts;

    @Autowired
    Inventory inventory;

    @Test
    void anyoneFollowsAGiftToItsHandoverWithoutSeeingWhoGaveOrReceivedIt() throws Exception {
        var data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        long district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        long commune = fixtures.unit("Phường Linh Trung", "commune", district);
        long campaign = data.campaign(district);
        long point = data.point(campaign, district, null);
        var pledge = data.pledge(campaign, point, null, true);
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        pledge.code(),
                        null,
                        LocalDate.of(2021, 9, 10),
                        List.of(new Receipts.Line(ItemType.LAPTOP, 1, ItemCondition.USED_WORKING, "Sạc", null, null)),
                        "Chị Hoà gửi kèm thư cho em Nguyễn Văn An",
                        null),
                fixtures.manager(district).caller());
        var item = inventory.itemsOfReceipt(r.id()).get(0);
        // What the handover issue will write: an event at the commune with a note that names the child.
        jdbc.sql("""
                        insert into inventory_item_event (item_id, occurred_on, status, note, unit_id, created_at)
                        values (?, ?, 'HANDED_OVER', 'Trao cho em Nguyễn Văn An, lớp 7A', ?, ?)""")
                .params(item.id(), LocalDate.of(2021, 9, 20), commune, OffsetDateTime.now())
                .update();

        for (String code : List.of(pledge.code(), r.code(), item.tag())) {
            String html = mvc.perform(get("/public/track/{c}", code.toLowerCase()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html)
                    .contains(item.tag())
                    .contains("20/09/2021")
                    .contains("Phường Linh Trung")
                    .doesNotContain("0903123456")
                    .doesNotContain("hoa.tran@example.vn")
                    .doesNotContain("Nguyễn Văn An")
                    .doesNotContain("Trần Thị Hoà");
        }
        String json = mvc.perform(get("/api/v1/public/track/{c}", pledge.code()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("PLEDGE"))
                .andExpect(jsonPath("$.arrivals[0].receivedOn").value("2021-09-10"))
                .andExpect(jsonPath("$.devices[0].journey[1].status").value("HANDED_OVER"))
                .andExpect(jsonPath("$.certificateAvailable").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json)
                .doesNotContain("0903123456")
                .doesNotContain("Nguyễn Văn An")
                .doesNotContain("Hoà");
    }

    @Test
    void unknownOrMalformedCodesAnswerAFriendlyNotFound() throws Exception {
        mvc.perform(get("/public/track/{c}", "CE0000000X")).andExpect(status().isNotFound());
        String page = mvc.perform(get("/public/track/{c}", "khong-phai-ma"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // its own words on the look-up form with the code kept to correct, not the generic "outside your scope" page
        assertThat(page)
                .contains("Không tìm thấy món quà nào với mã này")
                .contains("value=\"khong-phai-ma\"")
                .contains("action=\"/public/track\"");
        mvc.perform(get("/api/v1/public/track/{c}", "BN12345678"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail_en").exists());
    }
}
