package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** The pages render for each role and apply the same rules as the API. */
@IntegrationTest
class StudentPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Students students;

    long district;
    long commune;
    long school;
    long otherDistrict;
    long campaign;
    AccountDetails officer;
    AccountDetails manager;
    AccountDetails siblingManager;

    @BeforeEach
    void organisation() {
        long province = fixtures.unit("Tỉnh Kiên Giang", "province", null);
        district = fixtures.unit("Huyện Châu Thành", "district", province);
        commune = fixtures.unit("Xã Minh Hòa", "commune", district);
        otherDistrict = fixtures.unit("Huyện Giồng Riềng", "district", province);
        school = fixtures.school("Trường Tiểu học Minh Hòa", commune);
        officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        manager = fixtures.manager(district);
        siblingManager = fixtures.manager(otherDistrict);
        campaign = campaigns
                .create(
                        new CampaignSpec(
                                TestFixtures.unique("KG-"),
                                "Cùng em học trực tuyến",
                                null,
                                province,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.TABLET),
                                List.of(),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        fixtures.manager(province).caller())
                .id();
    }

    private MockHttpServletRequestBuilder form(String name, String birth, String phone) {
        return post("/campaigns/" + campaign + "/students/new")
                .with(user(officer))
                .with(csrf())
                .param("fullName", name)
                .param("birthDate", birth)
                .param("gender", "FEMALE")
                .param("grade", "3")
                .param("className", "3A")
                .param("guardianPhone", phone)
                .param("categories", "POOR_HOUSEHOLD", "ORPHAN_ONE_PARENT")
                .param("deviceSituation", "NONE")
                .param("connectivity", "NONE")
                .param("needs", "DEVICE", "SIM");
    }

    private String page(AccountDetails who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aSchoolOfficerRegistersThroughTheFormAndSeesThePriorityExplained() throws Exception {
        assertThat(page(officer, "/campaigns/" + campaign + "/students/new")).contains("Họ và tên học sinh");
        String invalid = mvc.perform(form("", "31/02/2013", "0131"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(invalid)
                .contains("form-errors")
                .contains("Họ và tên học sinh: chưa nhập", "không đọc được")
                .contains("Số điện thoại");
        // a phone no earlier run used: the PostgreSQL database of a run keeps earlier runs' students
        String phone = StudentsIntegrationTests.phone();
        String spaced = phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
        String location = mvc.perform(form("  TRẦN   THỊ NGỌC ", "7/3/13", spaced))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String detail = page(officer, location);
        assertThat(detail)
                .contains("Trần Thị Ngọc")
                .contains(
                        "mồ côi cha hoặc mẹ do dịch Covid-19: +70; hộ nghèo: +40; chưa có thiết bị: +20; không có kết nối: +10")
                .contains(phone.substring(0, 4) + "." + phone.substring(4, 7) + "." + phone.substring(7));
        // the same child again: the form asks first, then keeps them apart when told so
        String asked = mvc.perform(form("Trần Thị Ngọc", "07/03/2013", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asked).contains("likely-duplicates").contains("confirm-distinct");
        mvc.perform(form("Trần Thị Ngọc", "07/03/2013", "").param("confirmedDistinct", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ? and name_folded = 'tran thi ngoc'")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void theDistrictApprovesFromItsPageAndTheSchoolSeesTheReturnReason() throws Exception {
        mvc.perform(form("Ngô Văn Quyền", "01/01/2013", "")).andExpect(status().is3xxRedirection());
        mvc.perform(form("Ngô Thị Loan", "02/02/2013", "")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/campaigns/" + campaign + "/students/propose")
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String approval = page(manager, "/campaigns/" + campaign + "/students/approval");
        assertThat(approval).contains("Ngô Văn Quyền").contains("name=\"ids\"").contains("value=\"approve\"");
        // "select all" is left to JavaScript: hidden in the page as served, each row still has its own checkbox
        assertThat(approval)
                .contains("<label class=\"select-all\" hidden><input type=\"checkbox\" id=\"select-all\"")
                .contains("Chọn tất cả");
        assertThat(page(officer, "/campaigns/" + campaign + "/students/approval"))
                .doesNotContain("value=\"approve\"");
        long loan = jdbc.sql("select id from student where campaign_id = ? and name_folded = 'ngo thi loan'")
                .param(campaign)
                .query(Long.class)
                .single();
        // returning without a reason comes back to the same list: the tick kept, the reason asked for beside its field
        var refused = mvc.perform(post("/campaigns/" + campaign + "/students/decide")
                        .with(user(manager))
                        .with(csrf())
                        .param("ids", String.valueOf(loan))
                        .param("action", "return")
                        .param("reason", " "))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/campaigns/" + campaign + "/students/approval"))
                .andReturn();
        String again = mvc.perform(get("/campaigns/" + campaign + "/students/approval")
                        .cookie(refused.getResponse().getCookies())
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again)
                .contains("id=\"reason-error\"")
                .contains("aria-invalid=\"true\"")
                .containsPattern("name=\"ids\" value=\"" + loan + "\"[^>]*checked=\"checked\"");
        assertThat(jdbc.sql("select status from student where id = ?")
                        .param(loan)
                        .query(String.class)
                        .single())
                .isEqualTo("PROPOSED");
        mvc.perform(post("/campaigns/" + campaign + "/students/decide")
                        .with(user(manager))
                        .with(csrf())
                        .param("ids", String.valueOf(loan))
                        .param("action", "return")
                        .param("reason", "Sai ngày sinh"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(officer, "/students/" + loan))
                .contains("returned-reason")
                .contains("Sai ngày sinh");
        assertThat(page(officer, "/campaigns/" + campaign + "/students")).contains("Sai ngày sinh");
        mvc.perform(get("/students/" + loan).with(user(siblingManager))).andExpect(status().isNotFound());
        assertThat(page(siblingManager, "/campaigns/" + campaign + "/students")).doesNotContain("Ngô Thị Loan");
        String rollUp = page(manager, "/campaigns/" + campaign + "/students/roll-up");
        assertThat(rollUp).contains("Xã Minh Hòa").contains("not-proposed");
    }

    @Test
    void evidenceUploadsAndDownloadsOnlyInScope() throws Exception {
        String location = mvc.perform(form("Lâm Thị Hạnh", "03/03/2013", ""))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        byte[] pdf = "%PDF-1.4\n%%EOF".getBytes();
        mvc.perform(multipart("/students/" + id + "/evidence")
                        .file(new MockMultipartFile("file", "ho-ngheo.pdf", "application/pdf", pdf))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/students/" + id + "/evidence")
                        .file(new MockMultipartFile("file", "anh.png", "image/png", "<html>".getBytes()))
                        .with(user(officer))
                        .with(csrf()))
                // back to the student's page, which shows why
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("uploadError", "Tệp minh chứng phải là PDF, ảnh JPEG hoặc PNG."));
        long evidenceId = students.evidence(id, officer.caller()).get(0).id();
        mvc.perform(get("/students/" + id + "/evidence/" + evidenceId).with(user(manager)))
                .andExpect(status().isOk());
        mvc.perform(get("/students/" + id + "/evidence/" + evidenceId).with(user(siblingManager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePriorityPreviewFollowsTheChoices() throws Exception {
        String fragment = page(
                officer,
                "/campaigns/" + campaign + "/students/priority?categories=POOR_HOUSEHOLD&deviceSituation=BROKEN"
                        + "&connectivity=MOBILE_DATA&needs=DEVICE");
        assertThat(fragment)
                .contains("hộ nghèo: +40; thiết bị hỏng: +15; dùng dữ liệu di động: +5")
                .contains(">60<");
    }
}
