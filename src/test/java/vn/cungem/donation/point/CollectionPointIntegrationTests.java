package vn.cungem.donation.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class CollectionPointIntegrationTests {

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

    long district;
    long ward;
    long otherWard;
    AccountDetails manager;
    AccountDetails wardManager;
    AccountDetails otherWardManager;
    Campaign campaign;

    @BeforeEach
    void campaign() {
        long province = fixtures.unit("Tỉnh Điểm Nhận " + TestFixtures.unique(""), "province", null);
        district = fixtures.unit("Quận Điểm Nhận", "district", province);
        ward = fixtures.unit("Phường Hai", "commune", district);
        otherWard = fixtures.unit("Phường Ba", "commune", district);
        manager = fixtures.manager(district);
        wardManager = fixtures.manager(ward);
        otherWardManager = fixtures.manager(otherWard);
        campaign = DonationTestData.activeCampaign(campaigns, district, manager.caller());
    }

    @Test
    void thePointAndBankAccountFormsLeadBackToTheirCampaign() throws Exception {
        mvc.perform(get("/campaigns/{id}/points/new", campaign.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"govuk-breadcrumbs\"")))
                .andExpect(content().string(containsString(campaign.code())))
                .andExpect(content().string(containsString("/campaigns/" + campaign.id() + "/points\"")))
                .andExpect(content().string(containsString("name=\"openingHours\"")));
        mvc.perform(get("/campaigns/{id}/bank-account", campaign.id()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/campaigns/" + campaign.id() + "/donations\"")))
                .andExpect(content().string(containsString("name=\"accountNumber\"")));
        mvc.perform(post("/campaigns/{id}/bank-account", campaign.id())
                        .with(user(manager))
                        .with(csrf())
                        .param("accountNumber", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"govuk-error-summary\"")));
    }

    @Test
    void aWardManagerAddsAPointInTheirWardAndOthersCannotSeeIt() throws Exception {
        mvc.perform(post("/campaigns/{id}/points/new", campaign.id())
                        .with(user(wardManager))
                        .with(csrf())
                        .param("name", "Trường Tiểu học Lê Lợi")
                        .param("unitId", Long.toString(ward))
                        .param("address", "5 Lê Lợi")
                        .param("openingHours", "Thứ 7, 8h–11h")
                        .param("active", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/campaigns/{id}/points", campaign.id()).with(user(wardManager)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trường Tiểu học Lê Lợi")));
        mvc.perform(get("/campaigns/{id}/points", campaign.id()).with(user(manager)))
                .andExpect(content().string(containsString("Trường Tiểu học Lê Lợi")));
        mvc.perform(get("/api/v1/campaigns/{id}/points", campaign.id()).with(user(otherWardManager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        long pointId = jdbc.sql("select id from collection_point where campaign_id = ?")
                .param(campaign.id())
                .query(Long.class)
                .single();
        mvc.perform(get("/campaigns/{id}/points/{p}/edit", campaign.id(), pointId)
                        .with(user(otherWardManager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aManagerCannotPlaceAPointOutsideTheirScope() throws Exception {
        mvc.perform(post("/campaigns/{id}/points/new", campaign.id())
                        .with(user(wardManager))
                        .with(csrf())
                        .param("name", "Điểm lạ")
                        .param("unitId", Long.toString(otherWard))
                        .param("address", "1 Đường Lạ")
                        .param("openingHours", "Sáng"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("không thuộc địa bàn")))
                .andExpect(content().string(containsString("Điểm lạ")));
        assertThat(jdbc.sql("select count(*) from collection_point where campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theApiCreatesAndUpdatesWithAVersionCheck() throws Exception {
        String created = mvc.perform(post("/api/v1/campaigns/{id}/points", campaign.id())
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "UBND Phường Hai", "unitId": %d, "address": "1 Hai Bà Trưng",
                                 "openingHours": "7h30–17h", "active": true}""".formatted(ward)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitName").value("Phường Hai"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
        String body = """
                {"name": "UBND Phường Hai (cổng sau)", "unitId": %d, "address": "1 Hai Bà Trưng",
                 "openingHours": "7h30–17h", "active": false, "version": 0}""".formatted(ward);
        mvc.perform(put("/api/v1/campaigns/{id}/points/{p}", campaign.id(), id)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(put("/api/v1/campaigns/{id}/points/{p}", campaign.id(), id)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict());
        assertThat(points.openForPledges(campaign.id()))
                .extracting(CollectionPoint::id)
                .doesNotContain(id);
    }

    @Test
    void theBankAccountPageNormalisesTheNameAndRefusesAnUnknownBank() throws Exception {
        mvc.perform(post("/campaigns/{id}/bank-account", campaign.id())
                        .with(user(manager))
                        .with(csrf())
                        .param("bankBin", "123456")
                        .param("accountNumber", "12ab")
                        .param("accountName", "Quỹ"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chọn ngân hàng trong danh sách")))
                .andExpect(content().string(containsString("6 đến 19 chữ số")));
        mvc.perform(post("/campaigns/{id}/bank-account", campaign.id())
                        .with(user(manager))
                        .with(csrf())
                        .param("bankBin", "970415")
                        .param("accountNumber", "1020 3040 5060")
                        .param("accountName", "Hội Khuyến học Quận"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/campaigns/{id}/bank-account", campaign.id()).with(user(manager)))
                .andExpect(jsonPath("$.accountName").value("HOI KHUYEN HOC QUAN"))
                .andExpect(jsonPath("$.accountNumber").value("102030405060"))
                .andExpect(jsonPath("$.bankName").value("VietinBank"));
        mvc.perform(get("/campaigns/{id}/bank-account", campaign.id()).with(user(wardManager)))
                .andExpect(status().isNotFound());
    }
}
