package vn.cungem.inventory.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class ItemWorkApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    WorkshopTestData data;
    AccountDetails volunteer;
    AccountDetails manager;

    @BeforeEach
    void setUp() {
        data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null);
        manager = fixtures.manager(data.district);
    }

    private int version(String tag) throws Exception {
        String body = mvc.perform(get("/api/v1/inventory/items/{t}", tag).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.version");
    }

    private String send(String tag, String step, String key, String json, ResultMatcher expected) throws Exception {
        return mvc.perform(post("/api/v1/inventory/items/{t}/" + step, tag)
                        .with(user(volunteer))
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andDo(r -> {
                    try {
                        expected.match(r);
                    } catch (AssertionError e) {
                        throw new AssertionError(
                                e.getMessage() + ": " + r.getResponse().getContentAsString(), e);
                    }
                })
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aVolunteerInspectsRepairsWipesInstallsAndMarksReadyThroughTheApi() throws Exception {
        String tag = data.device(ItemType.LAPTOP);
        String profile = mvc.perform(post("/api/v1/campaigns/{c}/inventory/software-profiles", data.campaign)
                        .with(user(manager))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\": \"LOWER_SECONDARY\", \"name\": \"THCS cơ bản\","
                                + " \"contents\": \"Trình duyệt an toàn, OLM, LibreOffice\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long profileId = ((Number) JsonPath.read(profile, "$.id")).longValue();

        mvc.perform(get("/api/v1/inventory/items/{t}", tag).with(user(volunteer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.moves[0]").value("START_INSPECTION"));
        String key = TestFixtures.unique("k-");
        String move = "{\"move\": \"START_INSPECTION\", \"version\": " + version(tag) + "}";
        send(tag, "moves", key, move, status().isCreated());
        String again = send(tag, "moves", key, move, status().isOk());
        assertThat((Integer) JsonPath.read(again, "$.history.length()")).isEqualTo(1);

        StringBuilder checks = new StringBuilder();
        for (var c : vn.cungem.inventory.lifecycle.Checklist.checksFor(ItemType.LAPTOP)) {
            checks.append(checks.isEmpty() ? "" : ",")
                    .append(
                            c.name().equals("BATTERY")
                                    ? "{\"code\": \"BATTERY\", \"result\": \"FAIL\", \"note\": \"Pin phồng, 10 phút là tắt\"}"
                                    : "{\"code\": \"" + c.name() + "\", \"result\": \"PASS\"}");
        }
        String inspected = send(
                tag,
                "inspections",
                TestFixtures.unique("k-"),
                "{\"version\": " + version(tag) + ", \"checks\": [" + checks + "]}",
                status().isCreated());
        assertThat((String) JsonPath.read(inspected, "$.status")).isEqualTo("NEEDS_REPAIR");
        send(tag, "moves", TestFixtures.unique("k-"), "{\"move\": \"START_REPAIR\"}", status().isCreated());
        send(
                tag,
                "repairs",
                TestFixtures.unique("k-"),
                "{\"fault\": \"Pin phồng\", \"hours\": 0.5, \"parts\": [{\"name\": \"Pin 3 cell\", \"costVnd\": 350000}]}",
                status().isCreated());
        send(
                tag,
                "wipes",
                TestFixtures.unique("k-"),
                "{\"method\": \"OVERWRITE\", \"succeeded\": true}",
                status().isCreated());
        send(tag, "software", TestFixtures.unique("k-"), "{\"profileId\": " + profileId + "}", status().isCreated());
        String ready = send(
                tag,
                "moves",
                TestFixtures.unique("k-"),
                "{\"move\": \"MARK_READY\", \"version\": " + version(tag) + "}",
                status().isCreated());
        assertThat((String) JsonPath.read(ready, "$.status")).isEqualTo("READY");
        assertThat((Integer) JsonPath.read(ready, "$.history.length()")).isEqualTo(7);
        // the history names the failed check as people read it, not by its code
        assertThat(ready)
                .contains("Không đạt: Pin giữ được điện (Pin phồng, 10 phút là tắt)")
                .doesNotContain("BATTERY:");
        assertThat(((Number) JsonPath.read(ready, "$.softwareProfileId")).longValue())
                .isEqualTo(profileId);

        mvc.perform(get("/api/v1/campaigns/{c}/inventory/repair-costs", data.campaign)
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partsCost").value(350000))
                .andExpect(jsonPath("$.readyDevices").value(1))
                .andExpect(jsonPath("$.costPerReadyDevice").value(350000));
        byte[] pdf = mvc.perform(
                        get("/inventory/items/{t}/wipe-certificate.pdf", tag).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(DonationTestData.pdfText(pdf))
                .contains(tag)
                .contains("Ghi đè toàn bộ ổ đĩa")
                .contains("GIẤY XÁC NHẬN");
    }

    @Test
    void refusalsAreWordedProblemsNeverServerErrors() throws Exception {
        String tag = data.device(ItemType.LAPTOP);
        mvc.perform(post("/api/v1/inventory/items/{t}/moves", tag)
                        .with(user(volunteer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"move\": \"MARK_READY\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("inventory.move-illegal"))
                .andExpect(jsonPath("$.detail")
                        .value("Không thể «Đánh dấu sẵn sàng trao» khi thiết bị đang ở trạng thái «Đã nhận»."));
        mvc.perform(post("/api/v1/inventory/items/{t}/moves", tag)
                        .with(user(volunteer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"move\": \"FLY\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/inventory/items/{t}/moves", tag)
                        .with(user(volunteer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"move\": \"START_INSPECTION\", \"version\": 99}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("inventory.stale"));
        mvc.perform(post("/api/v1/inventory/items/{t}/wipes", tag)
                        .with(user(volunteer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"succeeded\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("inventory.wipe-method"));
        mvc.perform(get("/inventory/items/{t}/wipe-certificate.pdf", tag).with(user(volunteer)))
                .andExpect(status().isConflict());
        var outsider = fixtures.account(
                Role.VOLUNTEER_TECHNICIAN,
                fixtures.unit(TestFixtures.unique("Huyện "), "district", data.city),
                null,
                null);
        mvc.perform(get("/api/v1/inventory/items/{t}", tag).with(user(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inventory/items/{t}/moves", tag)
                        .with(user(outsider))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"move\": \"START_INSPECTION\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theItemPageOffersTheVolunteerItsMovesAndAFormRecordsOnceOnADoubleTap() throws Exception {
        String tag = data.device(ItemType.LAPTOP);
        String page = mvc.perform(get("/inventory/items/{t}", tag).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Bắt đầu kiểm tra").doesNotContain("Báo mất");
        String list = mvc.perform(get("/campaigns/{c}/inventory", data.campaign).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(tag);
        for (int tap = 0; tap < 2; tap++) {
            mvc.perform(post("/inventory/items/{t}/moves", tag)
                            .with(user(volunteer))
                            .with(csrf())
                            .param("move", "START_INSPECTION")
                            .param("version", "0")
                            .param("key", "double-tap-" + tag))
                    .andExpect(status().is3xxRedirection());
        }
        page = mvc.perform(get("/inventory/items/{t}", tag).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"inspection-form\"").contains("Pin giữ được điện");
        assertThat(jdbc.sql("select count(*) from inventory_item_history h join inventory_item i on i.id = h.item_id"
                                + " where i.tag = ?")
                        .param(tag)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void managersAddSoftwareProfilesOnTheWorkshopPageAndVolunteersReadThem() throws Exception {
        mvc.perform(post("/campaigns/{c}/inventory/workshop/profiles", data.campaign)
                        .with(user(manager))
                        .with(csrf())
                        .param("level", "PRIMARY")
                        .param("name", "Tiểu học an toàn")
                        .param("contents", "Trình duyệt có tìm kiếm an toàn, ứng dụng học tập của trường"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/{c}/inventory/workshop/profiles", data.campaign)
                        .with(user(manager))
                        .with(csrf())
                        .param("level", "PRIMARY")
                        .param("name", "Tiểu học an toàn")
                        .param("contents", "lần hai"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("workError", "Chương trình đã có bộ phần mềm tên «Tiểu học an toàn»."));
        String page = mvc.perform(
                        get("/campaigns/{c}/inventory/workshop", data.campaign).with(user(volunteer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Tiểu học an toàn").contains("Tiểu học").doesNotContain("id=\"profile-form\"");
        mvc.perform(post("/campaigns/{c}/inventory/workshop/profiles", data.campaign)
                        .with(user(volunteer))
                        .with(csrf())
                        .param("level", "PRIMARY")
                        .param("name", "Của tình nguyện viên")
                        .param("contents", "x"))
                .andExpect(status().isForbidden());
    }
}
