package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.student.internal.DuplicateCheckThrottle;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 9, finding 8: the duplicate check must not work as a look-up. An officer of another district who types a
 * child's personal id (or name, birth date and guardian phone) learns only "already registered elsewhere — contact the
 * district", never the child's id, name, school, campaign or status; inside the reader's scope the answer still helps.
 * And the check is counted per account in the database: past the limit, 429 with Retry-After.
 */
@IntegrationTest
class DuplicateCheckScopeIntegrationTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    DuplicateCheckThrottle throttle;

    long campaign;
    long schoolThuDuc;
    long schoolThuDuc2;
    AccountDetails officerThuDuc;
    AccountDetails officerNhaBe;
    AccountDetails managerThuDuc;

    @BeforeEach
    void organisation() {
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        long thuDuc = fixtures.unit("Thành phố Thủ Đức", "district", city);
        long nhaBe = fixtures.unit("Huyện Nhà Bè", "district", city);
        schoolThuDuc = fixtures.school("Trường Tiểu học Linh Xuân", thuDuc);
        schoolThuDuc2 = fixtures.school("Trường Tiểu học Linh Đông", thuDuc);
        long schoolNhaBe = fixtures.school("Trường Tiểu học Phú Xuân", nhaBe);
        officerThuDuc = fixtures.account(Role.SCHOOL_OFFICER, null, schoolThuDuc, null);
        officerNhaBe = fixtures.account(Role.SCHOOL_OFFICER, null, schoolNhaBe, null);
        managerThuDuc = fixtures.manager(thuDuc);
        campaign = campaigns
                .create(
                        new CampaignSpec(
                                TestFixtures.unique("TP-"),
                                "Máy tính cho học sinh Thành phố",
                                null,
                                city,
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
                        fixtures.manager(city).caller())
                .id();
    }

    /** Random, because the PostgreSQL database keeps the students of earlier runs. */
    private static String personalId() {
        return String.format("%03d", 1 + RANDOM.nextInt(96)) + "312" + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    private static String phone() {
        return String.format("09%08d", RANDOM.nextInt(100_000_000));
    }

    private static String body(String name, String personalId, String phone, Long schoolId) {
        return """
                {"schoolId": %s, "student": {"fullName": "%s", "birthDate": "05/09/2012", "gender": "Nữ",
                 "personalId": %s, "grade": "4", "className": "4A", "guardianName": "Nguyễn Văn Hùng",
                 "guardianPhone": %s, "categories": "Hộ nghèo", "deviceSituation": "Chưa có thiết bị",
                 "connectivity": "4G", "needs": "thiết bị"}}""".formatted(
                        schoolId == null ? "null" : schoolId.toString(),
                        name,
                        personalId == null ? "null" : "\"" + personalId + "\"",
                        phone == null ? "null" : "\"" + phone + "\"");
    }

    private ResultActions register(AccountDetails who, String json) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + campaign + "/students")
                .with(user(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long registered(AccountDetails who, String json) throws Exception {
        String location = register(who, json)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anotherDistrictTypingAPersonalIdLearnsOnlyThatTheChildIsRegisteredElsewhere() throws Exception {
        String id = personalId();
        long child = registered(officerThuDuc, body("Trần Thị Thu Hà", id, null, null));
        String answer = register(officerNhaBe, body("Ai Đó", id, null, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("student.duplicate"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer)
                .contains("Học sinh này đã được đăng ký ở nơi khác", "liên hệ Phòng Giáo dục")
                .contains("already registered elsewhere", "contact the district")
                .doesNotContain("Trần", "T. T. H.", "Linh Xuân", "Máy tính cho học sinh", "REGISTERED", "Đã đăng ký")
                .doesNotContain("/students/" + child);
    }

    @Test
    void insideTheScopeTheAnswerStillSaysWho() throws Exception {
        String id = personalId();
        registered(officerThuDuc, body("Trần Thị Thu Hà", id, null, null));
        String answer = register(managerThuDuc, body("Trần Thị Thu Hà", id, null, schoolThuDuc2))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("student.duplicate"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("Trần Thị Thu Hà", "Linh Xuân", "Máy tính cho học sinh");
    }

    @Test
    void aLikelyDuplicateInAnotherDistrictIsNeitherNamedNorLinked() throws Exception {
        String guardian = phone();
        long child = registered(officerThuDuc, body("Võ Thị Ngọc Ánh", null, guardian, null));
        MockHttpServletResponse response = register(officerNhaBe, body("VO THI NGOC ANH", null, guardian, null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("student.likely-duplicate"))
                .andExpect(jsonPath("$.registeredElsewhere").value(true))
                .andExpect(jsonPath("$.candidates").isEmpty())
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsString())
                .contains("đã được đăng ký ở nơi khác", "registered elsewhere")
                .doesNotContain("Võ Thị", "V. T. N. A.", "Linh Xuân", "Máy tính cho học sinh", "REGISTERED")
                .doesNotContain("\"id\":" + child);
        // the officer may still say it is another child
        register(
                        officerNhaBe,
                        body("VO THI NGOC ANH", null, guardian, null)
                                .replace("{\"schoolId\"", "{\"confirmedDistinct\": true, \"schoolId\""))
                .andExpect(status().isCreated());
        // the form page says the same, in Vietnamese, with the button to go on
        String page = mvc.perform(post("/campaigns/" + campaign + "/students/new")
                        .with(user(officerNhaBe))
                        .with(csrf())
                        .param("fullName", "Võ Thị Ngọc Ánh")
                        .param("birthDate", "05/09/2012")
                        .param("gender", "Nữ")
                        .param("grade", "4")
                        .param("guardianPhone", guardian)
                        .param("categories", "Hộ nghèo")
                        .param("deviceSituation", "Chưa có thiết bị")
                        .param("connectivity", "4G")
                        .param("needs", "DEVICE"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("likely-elsewhere", "confirm-distinct").doesNotContain("/students/" + child + "\"");
    }

    @Test
    void tooManyChecksFromOneAccountAnswer429WithRetryAfter() throws Exception {
        AccountDetails prober = fixtures.account(Role.SCHOOL_OFFICER, null, schoolThuDuc, null);
        for (int i = 0; i < throttle.limit(); i++) {
            throttle.count(prober.id());
        }
        long before = jdbc.sql("select count(*) from student where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        MockHttpServletResponse api = register(prober, body("Đoàn Thị Mai", personalId(), null, null))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("student.duplicate-checks"))
                .andReturn()
                .getResponse();
        assertThat(Long.parseLong(api.getHeader("Retry-After"))).isBetween(1L, 600L);
        assertThat(api.getContentAsString()).contains("Hãy thử lại sau", "Try again in", "detail_en");
        MockHttpServletResponse page = mvc.perform(post("/campaigns/" + campaign + "/students/new")
                        .with(user(prober))
                        .with(csrf())
                        .param("fullName", "Đoàn Thị Mai")
                        .param("birthDate", "05/09/2012")
                        .param("gender", "Nữ")
                        .param("grade", "4")
                        .param("categories", "Hộ nghèo")
                        .param("deviceSituation", "Chưa có thiết bị")
                        .param("connectivity", "4G")
                        .param("needs", "DEVICE"))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse();
        assertThat(page.getHeader("Retry-After")).isNotBlank();
        assertThat(page.getContentAsString()).contains("form-alert", "Hãy thử lại sau");
        assertThat(jdbc.sql("select count(*) from student where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        // the count lives in the database, where every node behind the load balancer reads it
        assertThat(jdbc.sql("select checks from student_check_throttle where account_id = ?")
                        .param(prober.id())
                        .query(Integer.class)
                        .single())
                .isGreaterThan(throttle.limit());
        // another account is not held back
        registered(officerThuDuc, body("Đoàn Thị Mai", personalId(), null, null));
    }
}
