package vn.cungem.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.allocation.plans.PlanKind;
import vn.cungem.allocation.plans.PlanQueries;
import vn.cungem.demo.DemoAllocationScenario;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.Students;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The plan pages' rules without a browser: who may open them, and where each error of the change form is shown. */
@IntegrationTest
class AllocationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AllocationPlans plans;

    @Autowired
    Students students;

    @Autowired
    PlanQueries queries;

    DemoAllocationScenario.Scenario demo;
    long planId;
    String base;

    @BeforeEach
    void plan() {
        demo = DemoAllocationScenario.seed(fixtures);
        planId = plans.run(
                        demo.campaignId(),
                        PlanKind.PROPOSAL,
                        new Rules(true, true),
                        null,
                        demo.manager().caller())
                .planId();
        base = "/campaigns/" + demo.campaignId() + "/allocation";
    }

    @Test
    void showsTheManagerStudentsByNameAndTellsOtherRolesThePlanIsNotThere() throws Exception {
        var approved = students.list(
                        new StudentFilter(
                                demo.campaignId(), null, null, StudentStatus.APPROVED, null, null, null, 0, 200),
                        Caller.SYSTEM)
                .rows();
        String page = mvc.perform(get(base + "/plans/" + planId + "?show=ALL").with(user(demo.manager())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(approved).isNotEmpty().allSatisfy(row -> assertThat(page).contains(row.name()));
        assertThat(page).doesNotContain("LAPTOP").doesNotContain("QUOTA_USED_UP");

        AccountDetails volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, demo.city(), null, null);
        mvc.perform(get(base + "/plans/" + planId).with(user(volunteer))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/quotas").with(user(volunteer))).andExpect(status().isNotFound());
        AccountDetails otherManager = fixtures.manager(fixtures.unit("Huyện Nhà Bè", "district", null));
        mvc.perform(get(base + "/plans/" + planId).with(user(otherManager))).andExpect(status().isNotFound());
    }

    @Test
    void putsEveryMistakeOfTheChangeFormNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        Map<String, String> errors = change("", "mười hai", " ");
        assertThat(errors)
                .containsOnlyKeys("itemTag", "studentId", "reason")
                .containsEntry("itemTag", "Hãy nhập mã thiết bị cần giao.")
                .containsEntry("studentId", "Số học sinh phải là một số nguyên.")
                .containsEntry("reason", "Hãy ghi lý do đổi (bắt buộc, để ai xem lại cũng hiểu).");

        assertThat(change("KHONG-CO-1", "1", "Em ở xa trường"))
                .containsOnlyKeys("itemTag")
                .containsEntry(
                        "itemTag", "Không thấy thiết bị mã KHONG-CO-1 trong kế hoạch này (trong phạm vi của bạn).");
        String tag = queries.lines(
                        demo.campaignId(),
                        planId,
                        null,
                        PlanQueries.Show.ASSIGNED,
                        0,
                        Locale.forLanguageTag("vi"),
                        demo.manager().caller())
                .lines()
                .get(0)
                .itemTag();
        assertThat(change(tag, "999999999", "Em ở xa trường")).containsOnlyKeys("studentId");
    }

    @Test
    void anApprovedPlanIsWithdrawnFromItsPageWithAReasonAndItsDevicesAreReadyAgain() throws Exception {
        int reserved = plans.approve(
                        demo.campaignId(), planId, null, demo.manager().caller())
                .reserved();
        assertThat(reserved).isPositive();
        String page = mvc.perform(get(base + "/plans/" + planId).with(user(demo.manager())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"withdraw-plan\"");

        MvcResult refused = mvc.perform(post(base + "/plans/" + planId + "/withdrawal")
                        .with(user(demo.manager()))
                        .with(csrf())
                        .param("reason", "  "))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).endsWith("#withdraw");
        assertThat(refused.getFlashMap().get("withdrawError"))
                .isEqualTo("Hãy ghi lý do rút lại phương án (bắt buộc: các thiết bị đã giữ chỗ sẽ được trả về kho).");
        assertThat(queries.summary(demo.campaignId(), planId, demo.manager().caller())
                        .status()
                        .name())
                .isEqualTo("APPROVED");

        MvcResult done = mvc.perform(post(base + "/plans/" + planId + "/withdrawal")
                        .with(user(demo.manager()))
                        .with(csrf())
                        .param("reason", "Sở chia lại theo danh sách mới"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(done.getFlashMap().get("withdrawError")).isNull();
        assertThat((String) done.getFlashMap().get("flash"))
                .isEqualTo("Đã rút lại kế hoạch; " + reserved + " thiết bị trở lại sẵn sàng.");
        assertThat(queries.summary(demo.campaignId(), planId, demo.manager().caller())
                        .status()
                        .name())
                .isEqualTo("WITHDRAWN");
        // through the API a second withdrawal answers again and changes nothing
        mvc.perform(post("/api/v1" + base + "/plans/" + planId + "/withdrawal")
                        .with(user(demo.manager()))
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"reason\":\"bấm lại\"}"))
                .andExpect(status().isOk());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> change(String item, String student, String reason) throws Exception {
        MvcResult result = mvc.perform(post(base + "/plans/" + planId + "/changes")
                        .with(user(demo.manager()))
                        .with(csrf())
                        .param("itemTag", item)
                        .param("studentId", student)
                        .param("reason", reason))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/plans/" + planId + "#change");
        assertThat((String[]) result.getFlashMap().get("changeForm")).containsExactly(item, student, reason);
        return (Map<String, String>) result.getFlashMap().get("changeErrors");
    }
}
