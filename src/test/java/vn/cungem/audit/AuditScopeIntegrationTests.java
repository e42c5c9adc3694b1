package vn.cungem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.DonorDetails;
import vn.cungem.donation.DonorKind;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.PledgeLineRequest;
import vn.cungem.donation.PledgeRequest;
import vn.cungem.donation.PledgeSaved;
import vn.cungem.donation.Pledges;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.ApiTokens;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 9, finding 1: the audit log copies children's names, schools and hardship, donors' names (anonymous ones too)
 * and account emails, so it is read by the rules of those records. The matrix sends every audit endpoint as every role
 * — Thủ Đức's records, read from Thủ Đức and from Nhà Bè — and checks the answer: the searchable log is for
 * administrators and programme managers (403 for every other role, as the app's other manager-only pages do), and one
 * record's history answers 404 to whoever may not see the record, exactly as for an id that does not exist.
 */
@IntegrationTest
class AuditScopeIntegrationTests {

    private static final String CHILD = "Lê Thị Bảo Ngọc";
    private static final String DONOR = "Trần Văn Kín Tiếng";

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
    Pledges pledges;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    long thuDuc;
    long nhaBe;
    long student;
    long pledge;
    long donor;
    AccountDetails admin;
    AccountDetails managerThuDuc;
    AccountDetails managerNhaBe;
    AccountDetails officerThuDuc;
    AccountDetails officerNhaBe;
    AccountDetails volunteerThuDuc;
    AccountDetails partnerUser;
    AccountDetails donorAccount;

    @BeforeEach
    void records() throws Exception {
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        thuDuc = fixtures.unit("Thành phố Thủ Đức", "district", city);
        nhaBe = fixtures.unit("Huyện Nhà Bè", "district", city);
        long schoolThuDuc = fixtures.school("Trường Tiểu học Linh Trung", thuDuc);
        long schoolNhaBe = fixtures.school("Trường Tiểu học Phước Kiển", nhaBe);
        admin = fixtures.admin();
        managerThuDuc = fixtures.manager(thuDuc);
        managerNhaBe = fixtures.manager(nhaBe);
        officerThuDuc = fixtures.account(Role.SCHOOL_OFFICER, null, schoolThuDuc, null);
        officerNhaBe = fixtures.account(Role.SCHOOL_OFFICER, null, schoolNhaBe, null);
        volunteerThuDuc = fixtures.account(Role.VOLUNTEER_TECHNICIAN, thuDuc, null, null);
        partnerUser = fixtures.account(Role.PARTNER_USER, null, null, null);
        donorAccount = fixtures.account(Role.DONOR, null, null, null);

        long studentCampaign = campaigns
                .create(
                        new CampaignSpec(
                                TestFixtures.unique("NK-"),
                                "Máy tính cho em Thủ Đức",
                                null,
                                thuDuc,
                                List.of(),
                                List.of(SchoolLevel.PRIMARY),
                                List.of(ItemType.LAPTOP),
                                List.of(new Phase(
                                        "Khảo sát",
                                        LocalDate.of(2021, 9, 1),
                                        LocalDate.of(2021, 9, 30),
                                        null,
                                        null,
                                        null)),
                                CampaignDefaults.PRIORITY_CATEGORIES,
                                List.of(),
                                List.of()),
                        managerThuDuc.caller())
                .id();
        String location = mvc.perform(post("/api/v1/campaigns/" + studentCampaign + "/students")
                        .with(user(officerThuDuc))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"student": {"fullName": "%s", "birthDate": "05/09/2012", "gender": "Nữ",
                                 "grade": "4", "className": "4A", "guardianName": "Nguyễn Văn Hùng",
                                 "categories": "Hộ nghèo", "deviceSituation": "Chưa có thiết bị", "connectivity": "4G",
                                 "needs": "thiết bị"}}""".formatted(CHILD)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        student = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Campaign donations = DonationTestData.activeCampaign(campaigns, thuDuc, managerThuDuc.caller());
        long point = DonationTestData.point(points, donations.id(), thuDuc, managerThuDuc.caller())
                .id();
        PledgeSaved saved = pledges.submit(new PledgeRequest(
                donations.id(),
                List.of(new PledgeLineRequest(ItemType.LAPTOP, 1, ItemCondition.USED_WORKING, null, null)),
                null,
                point,
                DonationTestData.TODAY.plusDays(3),
                new DonorDetails(DonorKind.INDIVIDUAL, DONOR, "0903123456", null, null, null, false, true),
                false,
                null,
                TestFixtures.unique("k")));
        pledge = saved.id();
        donor = jdbc.sql("select donor_id from pledge where id = ?")
                .param(pledge)
                .query(Long.class)
                .single();

        SecurityContextHolder.getContext()
                .setAuthentication(
                        new UsernamePasswordAuthenticationToken(managerThuDuc, null, managerThuDuc.getAuthorities()));
        try {
            tx.executeWithoutResult(s -> events.publishEvent(DomainChange.updated(
                    "account",
                    officerThuDuc.id(),
                    thuDuc,
                    Map.of("email", "cu@example.vn"),
                    Map.of("email", officerThuDuc.email()),
                    null)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Expected statuses, in the order of {@link #endpoints()}. */
    private record Row(String who, RequestPostProcessor as, int... expected) {}

    private List<String> endpoints() {
        return List.of(
                "/audit",
                "/api/v1/audit?entityType=student",
                "/audit/student/" + student,
                "/audit/student/" + student + "?fragment=true",
                "/api/v1/audit/student/" + student,
                "/audit/pledge/" + pledge,
                "/api/v1/audit/pledge/" + pledge,
                "/api/v1/audit/donor/" + donor,
                "/audit/account/" + officerThuDuc.id(),
                "/api/v1/audit/account/" + officerThuDuc.id(),
                "/audit/student/" + Long.MAX_VALUE,
                "/api/v1/audit/student/" + Long.MAX_VALUE);
    }

    @Test
    void everyRoleGetsTheAnswerItsRecordsAllow() throws Exception {
        int ok = 200;
        int no = 404;
        int denied = 403;
        List<Row> rows = List.of(
                new Row("quản trị", user(admin), ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, no, no),
                new Row("quản lý Thủ Đức", user(managerThuDuc), ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, no, no),
                new Row("quản lý Nhà Bè", user(managerNhaBe), ok, ok, no, no, no, no, no, no, no, no, no, no),
                new Row(
                        "cán bộ trường Thủ Đức",
                        user(officerThuDuc),
                        denied,
                        denied,
                        ok,
                        ok,
                        ok,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no),
                new Row(
                        "cán bộ trường Nhà Bè",
                        user(officerNhaBe),
                        denied,
                        denied,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no),
                new Row(
                        "kỹ thuật viên Thủ Đức",
                        user(volunteerThuDuc),
                        denied,
                        denied,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no,
                        no),
                new Row("đối tác", user(partnerUser), denied, denied, no, no, no, no, no, no, no, no, no, no),
                new Row("nhà hảo tâm", user(donorAccount), denied, denied, no, no, no, no, no, no, no, no, no, no));
        List<String> endpoints = endpoints();
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < endpoints.size(); i++) {
                int status = mvc.perform(get(endpoints.get(i)).with(row.as()))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                if (status != row.expected()[i]) {
                    wrong.add(row.who() + " " + endpoints.get(i) + ": " + status + " (expected " + row.expected()[i]
                            + ")");
                }
            }
        }
        assertThat(wrong).as("audit endpoints answering the wrong status").isEmpty();
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndTheApiSays401() throws Exception {
        for (String endpoint : endpoints()) {
            int status = mvc.perform(get(endpoint)).andReturn().getResponse().getStatus();
            assertThat(status).as(endpoint).isEqualTo(endpoint.startsWith("/api/") ? 401 : 302);
        }
    }

    @Test
    void aVolunteersApiTokenReadsNoChildNoDonorAndNoEmail() throws Exception {
        String token = apiTokens.create(volunteerThuDuc.id(), "Kỹ thuật", null).token();
        for (String type : List.of("student", "donor", "pledge", "account")) {
            var response = mvc.perform(bearer(get("/api/v1/audit").param("entityType", type), token))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(type).isEqualTo(403);
            assertThat(response.getContentAsString())
                    .contains("detail_en")
                    .doesNotContain(CHILD, DONOR, officerThuDuc.email());
        }
        var history = mvc.perform(bearer(get("/api/v1/audit/student/" + student), token))
                .andReturn()
                .getResponse();
        assertThat(history.getStatus()).isEqualTo(404);
        assertThat(history.getContentAsString()).doesNotContain(CHILD);
    }

    @Test
    void aManagerReadsTheLogOfTheirOwnDistrictOnly() throws Exception {
        Map<AccountDetails, Boolean> seesThuDuc = new LinkedHashMap<>();
        seesThuDuc.put(managerThuDuc, true);
        seesThuDuc.put(managerNhaBe, false);
        for (var e : seesThuDuc.entrySet()) {
            for (String type : List.of("student", "donor")) {
                String body = mvc.perform(get("/api/v1/audit")
                                .param("entityType", type)
                                .param("size", "200")
                                .with(user(e.getKey())))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                String name = type.equals("student") ? CHILD : DONOR;
                if (e.getValue()) {
                    assertThat(body).contains(name);
                } else {
                    assertThat(body).doesNotContain(name);
                }
            }
        }
        String page = mvc.perform(get("/audit").param("q", "student").with(user(managerNhaBe)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("student #" + student);
    }

    @Test
    void theSchoolSeesItsOwnStudentsHistoryWithTheChange() throws Exception {
        String body = mvc.perform(get("/api/v1/audit/student/" + student).with(user(officerThuDuc)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains(CHILD, "CREATED");
    }

    private static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}
