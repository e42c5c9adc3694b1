package vn.cungem.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class CampaignIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    DemoCampaigns demo;

    long province;
    long districtA;
    long wardA;
    long districtB;
    AccountDetails managerA;
    AccountDetails managerB;
    AccountDetails provinceManager;

    @BeforeEach
    void organisation() {
        province = fixtures.unit("Tỉnh Thử Nghiệm", "province", null);
        districtA = fixtures.unit("Huyện Nhà Bè", "district", province);
        wardA = fixtures.unit("Phường Một", "commune", districtA);
        districtB = fixtures.unit("Huyện Phú Giáo", "district", province);
        managerA = fixtures.manager(districtA);
        managerB = fixtures.manager(districtB);
        provinceManager = fixtures.manager(province);
    }

    private String code(long unitId) {
        return jdbc.sql("select code from administrative_unit where id = ?")
                .param(unitId)
                .query(String.class)
                .single();
    }

    private static String campaignCode() {
        return TestFixtures.unique("CT-");
    }

    private String body(String code, String name, long organiser, List<Long> participants) {
        return """
                {"code": "%s", "name": "%s", "organisingUnitId": %d, "participatingUnitIds": %s,
                 "eligibleLevels": ["PRIMARY", "LOWER_SECONDARY"], "itemTypes": ["LAPTOP", "SIM_4G"],
                 "phases": [{"name": "Giai đoạn 1", "startsOn": "2021-09-10", "endsOn": "2021-12-31", "targetDevices": 500}],
                 "categories": [{"code": "ORPHAN_BOTH_PARENTS", "nameVi": "Mồ côi cả cha và mẹ", "nameEn": "Orphan", "weight": 100}],
                 "requirements": [{"textVi": "Kết nối được internet", "textEn": "Connects to the internet"}],
                 "milestones": [{"startsOn": "2021-09-15", "title": "Lễ phát động"}]}""".formatted(code, name, organiser, participants.toString());
    }

    private long createViaApi(AccountDetails who, String code, long organiser) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/campaigns")
                        .with(user(who))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "Chương trình " + code, organiser, List.of())))
                .andExpect(status().isCreated())
                .andReturn();
        return campaigns.existsWithCode(code)
                ? jdbc.sql("select id from campaign where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                : -1;
    }

    private MockHttpServletRequestBuilder form(AccountDetails who, String code) {
        return post("/campaigns/new")
                .with(user(who))
                .with(csrf())
                .param("code", code)
                .param("name", "Sóng và máy tính cho em")
                .param("organisingUnitCode", code(districtA))
                .param("participatingUnitCodes", code(wardA))
                .param("eligibleLevels", "PRIMARY", "LOWER_SECONDARY")
                .param("itemTypes", "LAPTOP", "DESKTOP_SET")
                .param("phases[0].name", "Giai đoạn 1")
                .param("phases[0].startsOn", "10/09/2021")
                .param("phases[0].endsOn", "2021-12-31")
                .param("phases[0].targetDevices", "50.000")
                .param("phases[1].name", "")
                .param("categories[0].code", "ORPHAN_BOTH_PARENTS")
                .param("categories[0].nameVi", "Mồ côi cả cha và mẹ do Covid-19")
                .param("categories[0].weight", "100")
                .param("milestones[0].startsOn", "2021-09-15")
                .param("milestones[0].title", "Lễ phát động");
    }

    @Test
    void createsCampaignFromThePageFormAsDraft() throws Exception {
        String code = campaignCode();
        MvcResult result = mvc.perform(form(managerA, code))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = jdbc.sql("select id from campaign where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/campaigns/" + id);
        Campaign saved = campaigns.get(id, managerA.caller());
        assertThat(saved.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(saved.spec().phases()).hasSize(1);
        assertThat(saved.spec().phases().get(0).targetDevices()).isEqualTo(50_000);
        assertThat(saved.participatingUnits()).extracting(Campaign.UnitRef::id).containsExactly(wardA);
        mvc.perform(get("/campaigns/" + id).with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sóng và máy tính cho em")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("50.000")));
    }

    @Test
    void newFormStartsFromTheDefaults() throws Exception {
        mvc.perform(get("/campaigns/new").with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ORPHAN_BOTH_PARENTS")))
                // one spare phase row to fill in (the phases have a step of their own, so no more are padded)
                .andExpect(content().string(org.hamcrest.Matchers.containsString("phases[0].name")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("phases[1].name"))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        // the organiser picker sends what is typed under the field's own name (it once sent it where nobody read it)
        mvc.perform(get("/pick/units")
                        .param("field", "organisingUnitCode")
                        .param("organisingUnitCode", "phuong mot")
                        .header("HX-Request", "true")
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Phường Một")));
        mvc.perform(get("/pick/units").param("q", code(districtB)).with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Phú Giáo"))));
    }

    @Test
    void reRendersTheFormWithFieldErrorsAndKeepsWhatWasTyped() throws Exception {
        String code = campaignCode();
        mvc.perform(form(managerA, code)
                        .param("phases[0].startsOn", "31/02/2021")
                        .param("categories[0].weight", "nhiều")
                        .param("participatingUnitCodes", code(districtB)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("govuk-error-message")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("31/02/2021")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("nhiều")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sóng và máy tính cho em")));
        assertThat(campaigns.existsWithCode(code)).isFalse();
    }

    @Test
    void refusesParticipatingUnitOutsideTheOrganiser() throws Exception {
        String code = campaignCode();
        mvc.perform(form(provinceManager, code).param("participatingUnitCodes", code(districtB)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(code(districtB))));
        assertThat(campaigns.existsWithCode(code)).isFalse();
    }

    @Test
    void addRowButtonAddsABlankRowWithoutSaving() throws Exception {
        String code = campaignCode();
        mvc.perform(form(managerA, code).param("add", "phase"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("phases[2].name")));
        assertThat(campaigns.existsWithCode(code)).isFalse();
        mvc.perform(get("/campaigns/rows/milestone").param("index", "7").with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("milestones[7].title")));
    }

    @Test
    void garbageFormInputNeverFailsWithAServerError() throws Exception {
        Random random = new Random(4_2021L);
        String[] fields = {
            "code",
            "name",
            "organisingUnitCode",
            "participatingUnitCodes",
            "allChildren",
            "eligibleLevels",
            "itemTypes",
            "phases[0].startsOn",
            "phases[0].targetCashVnd",
            "phases[99999].name",
            "phases[x].name",
            "categories[0].weight",
            "requirements[0].itemType",
            "milestones[0].endsOn",
            "version",
            "add"
        };
        String[] junk = {
            "",
            " ",
            "'; drop table campaign; --",
            "%",
            "_",
            "99999999999999999999",
            "-1",
            "1e9",
            "30/02/2021",
            "2021-13-01",
            "\u0000",
            "ĐĐĐ",
            "x".repeat(5000),
            "<script>",
            "true",
            "PRIMARY",
            "null"
        };
        for (int i = 0; i < 60; i++) {
            MockHttpServletRequestBuilder request = form(managerA, campaignCode());
            for (int j = 0; j < 4; j++) {
                request.param(fields[random.nextInt(fields.length)], junk[random.nextInt(junk.length)]);
            }
            int code = mvc.perform(request).andReturn().getResponse().getStatus();
            assertThat(code).as("request %d", i).isLessThan(500);
        }
    }

    @Test
    void theFormPageIsOnePageOfTheSharedLayoutWithItsScript() throws Exception {
        String html = mvc.perform(get("/campaigns/new").with(user(managerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains(
                        "<title>Tạo chương trình · Cùng Em</title>",
                        "class=\"govuk-service-navigation\"",
                        "/js/campaign.js")
                .containsOnlyOnce("<html")
                .containsOnlyOnce("<main")
                .containsOnlyOnce("class=\"govuk-footer\"");
        assertThat(html.indexOf("/js/campaign.js")).isLessThan(html.indexOf("</main>"));
    }

    @Test
    void apiBodyCarriesTheWholeSpecAndNamesAMissingWeight() throws Exception {
        String code = campaignCode();
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "Cùng em đến trường", districtA, List.of(wardA))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.spec.code").value(code))
                .andExpect(jsonPath("$.spec.itemTypes[1]").value("SIM_4G"))
                .andExpect(jsonPath("$.spec.phases[0].targetDevices").value(500))
                .andExpect(jsonPath("$.spec.categories[0].weight").value(100))
                .andExpect(jsonPath("$.spec.requirements[0].textEn").value("Connects to the internet"))
                .andExpect(jsonPath("$.spec.milestones[0].title").value("Lễ phát động"));
        String other = campaignCode();
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(other, "Không trọng số", districtA, List.of())
                                .replace(", \"weight\": 100", "")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("campaign-weight"))
                .andExpect(jsonPath("$.detail_en").value("Every priority group needs a weight (0–1000)."));
        assertThat(campaigns.existsWithCode(other)).isFalse();
    }

    @Test
    void apiCreatesOnceAndRetryReturnsTheSameCampaign() throws Exception {
        String code = campaignCode();
        String json = body(code, "Cùng em học trực tuyến", districtA, List.of(wardA));
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from campaign where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "Tên khác", districtA, List.of())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail_en").exists());
    }

    @Test
    void apiRejectsInvalidBodiesWithBothLanguages() throws Exception {
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"X\", \"phases\": [{\"startsOn\": \"not a date\"}]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"OK-1\", \"name\": \"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").exists())
                .andExpect(jsonPath("$.detail_en").exists());
    }

    @Test
    void anotherDistrictsCampaignIsNotFoundOnPagesAndApi() throws Exception {
        long id = createViaApi(managerA, campaignCode(), districtA);
        mvc.perform(get("/campaigns/" + id).with(user(managerB))).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/" + id + "/edit").with(user(managerB))).andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/" + id + "/edit")
                        .with(user(managerB))
                        .with(csrf())
                        .param("name", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/campaigns/" + id + "/status")
                        .with(user(managerB))
                        .with(csrf())
                        .param("target", "ACTIVE")
                        .param("reason", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/campaigns/" + id).with(user(managerB))).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/campaigns/" + id)
                        .with(user(managerB))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("X-1", "x", districtB, List.of())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/campaigns/" + id + "/status")
                        .with(user(managerB))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ACTIVE\", \"reason\": \"x\"}"))
                .andExpect(status().isNotFound());
        String listB = mvc.perform(get("/api/v1/campaigns").param("size", "100").with(user(managerB)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listB).doesNotContain("\"id\":" + id + ",");
        mvc.perform(get("/campaigns/" + id).with(user(provinceManager))).andExpect(status().isOk());
    }

    @Test
    void participatingAreaSeesTheCampaignReadOnly() throws Exception {
        long id = createViaApi(provinceManager, campaignCode(), province);
        long school = fixtures.school("Trường Tiểu học Thử", wardA);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        mvc.perform(get("/campaigns/" + id).with(user(managerA))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + id).with(user(officer))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + id + "/edit").with(user(managerA))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + id + "/edit").with(user(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + id + "/edit").with(user(provinceManager)))
                .andExpect(status().isOk());
    }

    private AccountDetails partnerOf(long homeUnit) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        jdbc.sql("insert into partner_organisation (name, name_folded, kind, home_unit_id, created_at, updated_at)"
                        + " values (?, ?, 'WOMENS_UNION', ?, ?, ?)")
                .params("Hội LHPN " + homeUnit, "hoi lhpn " + homeUnit, homeUnit, now, now)
                .update();
        long partner = jdbc.sql("select max(id) from partner_organisation")
                .query(Long.class)
                .single();
        return fixtures.account(Role.PARTNER_USER, null, null, partner);
    }

    @Test
    void aPartnerSeesTheCampaignsOfItsAreaAndThoseRunInsideIt() throws Exception {
        String code = campaignCode();
        mvc.perform(post("/api/v1/campaigns")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "Chương trình " + code, districtA, List.of(wardA))))
                .andExpect(status().isCreated());
        long inDistrict = jdbc.sql("select id from campaign where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        long provinceWide = createViaApi(provinceManager, campaignCode(), province);

        AccountDetails districtPartner = partnerOf(districtA);
        mvc.perform(get("/campaigns/" + inDistrict).with(user(districtPartner))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + provinceWide).with(user(districtPartner)))
                .andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + inDistrict + "/edit").with(user(districtPartner)))
                .andExpect(status().isForbidden());
        AccountDetails otherPartner = partnerOf(districtB);
        mvc.perform(get("/campaigns/" + inDistrict).with(user(otherPartner))).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/" + provinceWide).with(user(otherPartner))).andExpect(status().isOk());
    }

    @Test
    void editAndStatusMovesAreAuditedWithBeforeAfterAndReason() throws Exception {
        String code = campaignCode();
        long id = createViaApi(managerA, code, districtA);
        mvc.perform(put("/api/v1/campaigns/" + id)
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(code, "Tên mới", districtA, List.of())
                                .replace("}]}", "}], \"reason\": \"Sửa theo công văn\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.spec.name").value("Tên mới"));
        Map<String, Object> row = jdbc.sql(
                        "select before_json, after_json, reason, actor_account_id, unit_id from audit_entry"
                                + " where entity_type = 'campaign' and entity_id = ? and action = 'UPDATED'")
                .param(String.valueOf(id))
                .query()
                .singleRow();
        assertThat((String) row.get("before_json")).contains("Chương trình " + code);
        assertThat((String) row.get("after_json")).contains("Tên mới");
        assertThat(row.get("reason")).isEqualTo("Sửa theo công văn");
        assertThat(((Number) row.get("actor_account_id")).longValue()).isEqualTo(managerA.id());
        assertThat(((Number) row.get("unit_id")).longValue()).isEqualTo(districtA);

        mvc.perform(post("/campaigns/" + id + "/status")
                        .with(user(managerA))
                        .with(csrf())
                        .param("target", "CLOSED")
                        .param("reason", "nhảy cóc"))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.get(id, managerA.caller()).status()).isEqualTo(CampaignStatus.DRAFT);
        mvc.perform(post("/api/v1/campaigns/" + id + "/status")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"ACTIVE\"}"))
                .andExpect(status().isBadRequest());
        // starting without a reason: the page asks for it beside the field, the form has no browser-only `required`
        var noReason = mvc.perform(post("/campaigns/" + id + "/status")
                        .with(user(managerA))
                        .with(csrf())
                        .param("target", "ACTIVE")
                        .param("reason", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(campaigns.get(id, managerA.caller()).status()).isEqualTo(CampaignStatus.DRAFT);
        String asked = mvc.perform(get("/campaigns/" + id)
                        .cookie(noReason.getResponse().getCookies())
                        .with(user(managerA)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asked)
                .contains("id=\"reason-ACTIVE-error\"")
                .contains("aria-describedby=\"reason-ACTIVE-error\"")
                .doesNotContain("required></textarea>")
                .doesNotContain("required=\"required\"></textarea>");
        mvc.perform(post("/campaigns/" + id + "/status")
                        .with(user(managerA))
                        .with(csrf())
                        .param("target", "ACTIVE")
                        .param("reason", "Bắt đầu theo kế hoạch"))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.get(id, managerA.caller()).status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'campaign' and entity_id = ?"
                                + " and action = 'STATUS_CHANGED' and reason = 'Bắt đầu theo kế hoạch'")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/audit/campaign/" + id).param("fragment", "true").with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tên mới")));
    }

    @Test
    void editFormSavesChangesAndRefusesStaleVersion() throws Exception {
        String code = campaignCode();
        long id = createViaApi(managerA, code, districtA);
        mvc.perform(get("/campaigns/" + id + "/edit").with(user(managerA))).andExpect(status().isOk());
        mvc.perform(post("/campaigns/" + id + "/edit")
                        .with(user(managerA))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Tên sửa trên trang")
                        .param("organisingUnitCode", code(districtA))
                        .param("eligibleLevels", "PRIMARY")
                        .param("itemTypes", "LAPTOP")
                        .param("phases[0].name", "Giai đoạn 1")
                        .param("phases[0].startsOn", "10/09/2021")
                        .param("version", "0")
                        .param("reason", "Đổi tên"))
                .andExpect(status().is3xxRedirection());
        assertThat(campaigns.get(id, managerA.caller()).name()).isEqualTo("Tên sửa trên trang");
        mvc.perform(post("/campaigns/" + id + "/edit")
                        .with(user(managerA))
                        .with(csrf())
                        .param("code", code)
                        .param("name", "Lần hai")
                        .param("organisingUnitCode", code(districtA))
                        .param("eligibleLevels", "PRIMARY")
                        .param("itemTypes", "LAPTOP")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("govuk-error-summary")));
        assertThat(campaigns.get(id, managerA.caller()).name()).isEqualTo("Tên sửa trên trang");
    }

    @Test
    void listSearchesFoldedNamesWithinScope() throws Exception {
        String code = campaignCode();
        long id = createViaApi(managerA, code, districtA);
        String link = "href=\"/campaigns/" + id + "\"";
        mvc.perform(get("/campaigns")
                        .param("q", "chuong trinh " + code.toLowerCase())
                        .with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(link)));
        mvc.perform(get("/campaigns").param("q", code).with(user(managerB)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(link))));
        mvc.perform(get("/campaigns").param("status", "NOPE").with(user(managerA)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void demoSeedCreatesTheFiveProgrammesOnce() {
        ensureUnit("VN", "Trung ương", "central", null);
        ensureUnit("79", "Thành phố Hồ Chí Minh", "province", "VN");
        ensureUnit("74", "Tỉnh Bình Dương", "province", "VN");
        ensureUnit("91", "Tỉnh Kiên Giang", "province", "VN");
        ensureUnit("769", "Thành phố Thủ Đức", "district", "79");
        ensureUnit("786", "Huyện Nhà Bè", "district", "79");
        ensureUnit("726", "Huyện Phú Giáo", "district", "74");
        ensureUnit("769-01", "Phường An Khánh", "commune", "769");
        demo.seed();
        List<String> second = demo.seed();
        assertThat(second).isEmpty();
        for (String code : List.of("CEHTT-2021", "KG-2021", "NB-2021", "PG-2021", "TD-2021")) {
            assertThat(campaigns.existsWithCode(code)).as(code).isTrue();
        }
        long td = jdbc.sql("select id from campaign where code = 'TD-2021'")
                .query(Long.class)
                .single();
        Campaign thuDuc = campaigns.get(td, vn.cungem.shared.security.Caller.SYSTEM);
        assertThat(thuDuc.spec().milestones()).hasSize(4);
        assertThat(thuDuc.participatingUnits())
                .extracting(Campaign.UnitRef::code)
                .contains("769-01");
        long cehtt = jdbc.sql("select id from campaign where code = 'CEHTT-2021'")
                .query(Long.class)
                .single();
        assertThat(campaigns
                        .get(cehtt, vn.cungem.shared.security.Caller.SYSTEM)
                        .spec()
                        .phases())
                .extracting(Phase::targetDevices)
                .containsExactly(50_000, 100_000, null);
        assertThat(Callers.current().isAnonymous()).isTrue();
    }

    private void ensureUnit(String code, String name, String level, String parentCode) {
        fixtures.ensureLevels();
        boolean exists = jdbc.sql("select count(*) from administrative_unit where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return;
        }
        Long parent = parentCode == null
                ? null
                : jdbc.sql("select id from administrative_unit where code = ?")
                        .param(parentCode)
                        .query(Long.class)
                        .single();
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        jdbc.sql("insert into administrative_unit (code, name, name_folded, name_sort, level_code, parent_id,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        code,
                        name,
                        vn.cungem.shared.text.VietnameseText.fold(name),
                        vn.cungem.shared.text.VietnameseText.sortKey(name),
                        level,
                        parent,
                        now,
                        now)
                .update();
        long id = jdbc.sql("select id from administrative_unit where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        jdbc.sql("insert into unit_closure (ancestor_id, descendant_id, depth) values (?, ?, 0)")
                .params(id, id)
                .update();
        if (parent != null) {
            jdbc.sql("insert into unit_closure (ancestor_id, descendant_id, depth)"
                            + " select ancestor_id, ?, depth + 1 from unit_closure where descendant_id = ?")
                    .params(id, parent)
                    .update();
        }
    }
}
