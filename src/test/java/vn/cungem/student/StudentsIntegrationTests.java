package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.cungem.campaign.CampaignDefaults;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.Phase;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class StudentsIntegrationTests {

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

    @Autowired
    vn.cungem.organisation.SchoolDirectory schoolDirectory;

    long province;
    long districtA;
    long communeA;
    long districtB;
    long communeB;
    long schoolA;
    long schoolA2;
    long schoolB;
    long campaign;
    AccountDetails officerA;
    AccountDetails officerB;
    AccountDetails managerA;
    AccountDetails managerCommuneA;
    AccountDetails managerB;

    @BeforeEach
    void organisation() {
        province = fixtures.unit("Thành phố Thử Nghiệm", "province", null);
        districtA = fixtures.unit("Huyện Nhà Bè", "district", province);
        communeA = fixtures.unit("Xã Phước Kiển", "commune", districtA);
        districtB = fixtures.unit("Huyện Phú Giáo", "district", province);
        communeB = fixtures.unit("Xã Phước Hòa", "commune", districtB);
        schoolA = fixtures.school("Trường Tiểu học Phước Kiển", communeA);
        schoolA2 = fixtures.school("Trường Tiểu học Lê Văn Lương", communeA);
        schoolB = fixtures.school("Trường Tiểu học Phước Hòa", communeB);
        officerA = fixtures.account(Role.SCHOOL_OFFICER, null, schoolA, null);
        officerB = fixtures.account(Role.SCHOOL_OFFICER, null, schoolB, null);
        managerA = fixtures.manager(districtA);
        managerCommuneA = fixtures.manager(communeA);
        managerB = fixtures.manager(districtB);
        AccountDetails provinceManager = fixtures.manager(province);
        CampaignSpec spec = new CampaignSpec(
                TestFixtures.unique("HS-"),
                "Sóng và máy tính cho em",
                null,
                province,
                List.of(),
                List.of(SchoolLevel.PRIMARY),
                List.of(ItemType.LAPTOP),
                List.of(new Phase(
                        "Khảo sát",
                        java.time.LocalDate.of(2021, 9, 1),
                        java.time.LocalDate.of(2021, 9, 30),
                        null,
                        null,
                        null)),
                CampaignDefaults.PRIORITY_CATEGORIES,
                List.of(),
                List.of());
        campaign = campaigns.create(spec, provinceManager.caller()).id();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A random province (001–096), born 2012 (century digit 3 = female, 2000s), 6 random digits: random, not a counter,
     * because the PostgreSQL database of a run keeps the students of earlier runs and a repeated number is a real
     * duplicate.
     */
    private static String personalId() {
        return String.format("%03d", 1 + RANDOM.nextInt(96)) + "312" + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** A guardian phone no earlier run used, for the same reason. */
    static String phone() {
        return String.format("09%08d", RANDOM.nextInt(100_000_000));
    }

    private static String body(String name, String personalId, String phone) {
        return """
                {"student": {"fullName": "%s", "birthDate": "05/09/2012", "gender": "Nữ", "personalId": %s,
                 "grade": "4", "className": "4A", "guardianName": "Nguyễn Văn Hùng", "guardianPhone": %s,
                 "categories": "Hộ nghèo", "deviceSituation": "Chưa có thiết bị", "connectivity": "4G",
                 "needs": "thiết bị, sim"}}""".formatted(
                        name,
                        personalId == null ? "null" : "\"" + personalId + "\"",
                        phone == null ? "null" : "\"" + phone + "\"");
    }

    private ResultActions register(AccountDetails who, String json, String key) throws Exception {
        var request = post("/api/v1/campaigns/" + campaign + "/students")
                .with(user(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private long registered(AccountDetails who, String name, String personalId) throws Exception {
        String location = register(who, body(name, personalId, null), null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long count(String where, Object... params) {
        return jdbc.sql("select count(*) from student where campaign_id = " + campaign + " and " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    @Test
    void whenASchoolMovesToAnotherUnitItsStudentsMoveIntoThatUnitsScope() throws Exception {
        long student = registered(officerA, "Lê Thị Hồng", personalId());
        assertThatThrownBy(() -> students.get(student, managerB.caller())).isInstanceOf(NotFoundException.class);

        schoolDirectory.move(
                schoolA, communeB, "Sáp nhập xã", fixtures.manager(province).caller());

        assertThat(jdbc.sql("select unit_id from student where id = ?")
                        .param(student)
                        .query(Long.class)
                        .single())
                .isEqualTo(communeB);
        assertThat(students.get(student, managerB.caller()).fullName()).isEqualTo("Lê Thị Hồng");
        assertThatThrownBy(() -> students.get(student, managerA.caller())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aStudentsUnitCannotDisagreeWithTheSchools() throws Exception {
        long student = registered(officerA, "Phan Văn Tài", personalId());
        assertThatThrownBy(() -> jdbc.sql("update student set unit_id = ? where id = ?")
                        .params(communeB, student)
                        .update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void aRetriedRegistrationReturnsTheSameStudent() throws Exception {
        String id = personalId();
        String json = body("Nguyễn Thị Lan", id, phone());
        register(officerA, json, "retry-" + id).andExpect(status().isCreated());
        register(officerA, json, "retry-" + id).andExpect(status().isOk());
        register(officerA, json, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Thị Lan"));
        assertThat(count("personal_id_hash is not null and school_id = ?", schoolA))
                .isEqualTo(1);
    }

    @Test
    void storesThePersonalIdEncryptedAndShowsItOnlyOnTheStudentsOwnPage() throws Exception {
        String id = personalId();
        long student = registered(officerA, "Trần Thị Mai", id);
        String stored = jdbc.sql("select personal_id_cipher from student where id = ?")
                .param(student)
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(id);
        List<String> audit = jdbc.sql("select coalesce(before_json, '') || coalesce(after_json, '') from audit_entry"
                        + " where entity_type = 'student' and entity_id = ?")
                .param(String.valueOf(student))
                .query(String.class)
                .list();
        assertThat(audit).isNotEmpty().allSatisfy(json -> assertThat(json).doesNotContain(id));
        mvc.perform(get("/api/v1/students/" + student).with(user(officerA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personalId").value(id))
                .andExpect(jsonPath("$.personalIdMasked").value(id.substring(0, 4) + "******" + id.substring(10)))
                .andExpect(jsonPath("$.guardianPhone").doesNotExist())
                // The view's parts (place, home, circumstances) read as the student's own fields, as they always have.
                .andExpect(jsonPath("$.schoolName").isString())
                .andExpect(jsonPath("$.unitId").isNumber())
                .andExpect(jsonPath("$.deviceSituation").isString())
                .andExpect(jsonPath("$.needs.device").isBoolean())
                .andExpect(jsonPath("$.place").doesNotExist())
                .andExpect(jsonPath("$.circumstances").doesNotExist());
        String list = mvc.perform(
                        get("/api/v1/campaigns/" + campaign + "/students").with(user(managerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("Trần Thị Mai").doesNotContain(id);
    }

    @Test
    void refusesTheSameChildAtAnotherSchoolWithoutSayingWhere() throws Exception {
        String id = personalId();
        registered(officerA, "Lê Thị Hồng Nhung", id);
        String problem = register(officerB, body("Lê Thị Hồng Nhung", id, null), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("student.duplicate"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // issue 9, finding 8: another district learns only that the child is registered elsewhere
        assertThat(problem)
                .contains("đã được đăng ký ở nơi khác", "registered elsewhere")
                .doesNotContain("Lê T. H. N.", "Lê Thị Hồng Nhung", "Phước Kiển", "Sóng và máy tính");
    }

    @Test
    void asksBeforeRegisteringALikelyDuplicateAndKeepsThemApartWhenConfirmed() throws Exception {
        registered(officerA, "Phạm Minh Châu", null);
        register(officerA, body("PHAM MINH CHAU", null, null), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("student.likely-duplicate"))
                .andExpect(jsonPath("$.candidates[0].name").value("Phạm Minh Châu"));
        assertThat(count("name_folded = 'pham minh chau'")).isEqualTo(1);
        String confirmed =
                body("PHAM MINH CHAU", null, null).replace("{\"student\"", "{\"confirmedDistinct\": true, \"student\"");
        register(officerA, confirmed, null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fullName").value("Pham Minh Chau"));
        assertThat(count("name_folded = 'pham minh chau'")).isEqualTo(2);
    }

    @Test
    void reportsEveryFieldProblemAndWritesNothing() throws Exception {
        long before = count("1=1");
        String bad = """
                {"student": {"fullName": "", "birthDate": "31/02/2012", "gender": "?", "personalId": "123",
                 "grade": "15", "guardianPhone": "12345", "categories": "Không có", "deviceSituation": "",
                 "connectivity": "x"}}""";
        register(officerA, bad, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student.invalid"))
                .andExpect(jsonPath("$.errors.length()").value(9))
                .andExpect(jsonPath("$.detail_en").isNotEmpty());
        assertThat(count("1=1")).isEqualTo(before);
    }

    @Test
    void aFlatBodyWithoutTheStudentObjectIsOneClearErrorNotEveryFieldMissing() throws Exception {
        long before = count("1=1");
        // what a partner sends when it reads "the student's fields" as the body itself
        String flat = """
                {"schoolId": %d, "fullName": "Hồ Thị Thu", "birthDate": "05/09/2012", "gender": "Nữ", "grade": "4",
                 "guardianPhone": "%s", "categories": "Hộ nghèo", "deviceSituation": "Chưa có thiết bị",
                 "connectivity": "4G"}""".formatted(schoolA, phone());
        register(managerA, flat, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student.invalid"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("student"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Thiếu đối tượng \"student\"")))
                .andExpect(jsonPath("$.detail_en")
                        .value(org.hamcrest.Matchers.startsWith("The \"student\" object is missing")));
        assertThat(count("1=1")).isEqualTo(before);

        // the same for a correction sent without the object
        long student = registered(officerA, "Hồ Thị Thu", personalId());
        mvc.perform(put("/api/v1/students/" + student)
                        .with(user(officerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"className\": \"4B\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("student"));
        assertThat(jdbc.sql("select class_name from student where id = ?")
                        .param(student)
                        .query(String.class)
                        .single())
                .isEqualTo("4A");
    }

    @Test
    void aSchoolSeesOnlyItsOwnStudentsAndASiblingDistrictNone() throws Exception {
        long a = registered(officerA, "Võ Thị Sáu", personalId());
        long b = registered(officerB, "Đinh Văn Tư", personalId());
        mvc.perform(get("/api/v1/students/" + b).with(user(officerA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + a).with(user(managerB))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + a + "/history").with(user(managerB)))
                .andExpect(status().isNotFound());
        String listB = mvc.perform(
                        get("/api/v1/campaigns/" + campaign + "/students").with(user(managerB)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listB).contains("Đinh Văn Tư").doesNotContain("Võ Thị Sáu").doesNotContain("Võ T. S.");
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/students/roll-up?unitId=" + districtA)
                        .with(user(managerB)))
                .andExpect(status().isNotFound());
    }

    @Test
    void partnerUsersSeeApprovedStudentsOfTheirAreaMaskedAndNothingElse() throws Exception {
        long approved = registered(officerA, "Hoàng Thị Yến", personalId());
        long waiting = registered(officerA, "Hoàng Văn Nam", personalId());
        students.propose(List.of(approved), officerA.caller());
        students.approve(List.of(approved), managerA.caller());
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into partner_organisation (name, name_folded, kind, home_unit_id, created_at, updated_at)"
                        + " values ('Hội LHPN Nhà Bè', 'hoi lhpn nha be', 'WOMENS_UNION', ?, ?, ?)")
                .params(districtA, now, now)
                .update();
        long partnerId = jdbc.sql("select max(id) from partner_organisation")
                .query(Long.class)
                .single();
        AccountDetails partner = fixtures.account(Role.PARTNER_USER, null, null, partnerId);
        String list = mvc.perform(
                        get("/api/v1/campaigns/" + campaign + "/students").with(user(partner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("Hoàng T. Y.").doesNotContain("Hoàng Thị Yến").doesNotContain("Hoàng V. N.");
        // The same list as a page.
        String page = mvc.perform(get("/campaigns/" + campaign + "/students").with(user(partner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Hoàng T. Y.").doesNotContain("Hoàng Thị Yến").doesNotContain("Hoàng V. N.");
        mvc.perform(get("/api/v1/students/" + approved).with(user(partner))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/" + waiting).with(user(partner))).andExpect(status().isNotFound());
    }

    @Test
    void schoolProposesDistrictApprovesReturnsAndTheSchoolCorrectsAndProposesAgain() throws Exception {
        long first = registered(officerA, "Bùi Thị Thu", personalId());
        long second = registered(officerA, "Bùi Văn Hải", personalId());
        mvc.perform(post("/api/v1/campaigns/" + campaign + "/schools/" + schoolA + "/propose")
                        .with(user(officerA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2));
        String both = "{\"ids\": [" + first + ", " + second + "]}";
        // the school and a commune manager under a district are not the approving unit
        mvc.perform(post("/api/v1/students/approve")
                        .with(user(officerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(both))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/students/approve")
                        .with(user(managerCommuneA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(both))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/students/return")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [" + second + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("student.reason-required"));
        mvc.perform(post("/api/v1/students/approve")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [" + first + "]}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/students/return")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [" + second + "], \"reason\": \"Thiếu số điện thoại phụ huynh\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/students/" + second).with(user(officerA)))
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.statusReason").value("Thiếu số điện thoại phụ huynh"));
        // approved students cannot be edited by the school any more
        mvc.perform(put("/api/v1/students/" + first)
                        .with(user(officerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("Bùi Thị Thu", null, null)))
                .andExpect(status().isConflict());
        String fixed = body("Bùi Văn Hải", null, "0912345678").replace("\"gender\": \"Nữ\"", "\"gender\": \"Nam\"");
        mvc.perform(put("/api/v1/students/" + second)
                        .with(user(officerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(fixed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.guardianPhone.national").value("0912345678"));
        mvc.perform(post("/api/v1/campaigns/" + campaign + "/schools/" + schoolA + "/propose")
                        .with(user(officerA)))
                .andExpect(jsonPath("$.count").value(1));
        mvc.perform(post("/api/v1/students/approve")
                        .with(user(managerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ids\": [" + second + "]}"))
                .andExpect(status().isOk());
        assertThat(students.eligibleForAllocation(campaign))
                .extracting(EligibleStudent::id)
                .contains(first, second);
        assertThat(students.history(second, officerA.caller()))
                .extracting(StatusChange::to)
                .containsExactly(
                        StudentStatus.REGISTERED,
                        StudentStatus.PROPOSED,
                        StudentStatus.RETURNED,
                        StudentStatus.PROPOSED,
                        StudentStatus.APPROVED);
        // Issue 10: who made each change is the name kept with it, not a join on identity's accounts.
        assertThat(students.history(second, officerA.caller()))
                .extracting(StatusChange::accountName)
                .allSatisfy(name -> assertThat(name).isNotBlank());
        long audited = jdbc.sql("select count(*) from audit_entry where entity_type = 'student' and entity_id = ?")
                .param(String.valueOf(second))
                .query(Long.class)
                .single();
        assertThat(audited).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aBulkDecisionIsAllOrNothing() {
        long proposed = registered(officerA, "Lý Thị Ba");
        long notProposed = registered(officerA, "Lý Văn Bốn");
        students.propose(List.of(proposed), officerA.caller());
        assertThatThrownBy(() -> students.approve(List.of(proposed, notProposed), managerA.caller()))
                .isInstanceOf(vn.cungem.shared.ConflictException.class);
        assertThat(students.get(proposed, managerA.caller()).status()).isEqualTo(StudentStatus.PROPOSED);
    }

    private long registered(AccountDetails who, String name) {
        try {
            return registered(who, name, personalId());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void mergingKeepsBothHistoriesOnTheSurvivor() throws Exception {
        long keep = registered(officerA, "Trịnh Thị Hoa", personalId());
        String again =
                body("Trịnh Thị Hoa", null, null).replace("{\"student\"", "{\"confirmedDistinct\": true, \"student\"");
        register(officerA, again, null).andExpect(status().isCreated());
        long duplicate = jdbc.sql("select max(id) from student where name_folded = 'trinh thi hoa' and campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        assertThat(students.likelyDuplicates(keep, officerA.caller()))
                .extracting(DuplicateCandidate::id)
                .contains(duplicate);
        mvc.perform(post("/api/v1/students/" + keep + "/merge")
                        .with(user(officerA))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"duplicateId\": " + duplicate + ", \"reason\": \"nhập hai lần\"}"))
                .andExpect(status().isOk());
        assertThat(students.get(duplicate, officerA.caller()).status()).isEqualTo(StudentStatus.MERGED);
        assertThat(students.get(duplicate, officerA.caller()).mergedIntoId()).isEqualTo(keep);
        assertThat(students.history(keep, officerA.caller()))
                .extracting(StatusChange::studentId)
                .contains(keep, duplicate);
        mvc.perform(get("/api/v1/campaigns/" + campaign + "/students?q=trinh thi hoa")
                        .with(user(officerA)))
                .andExpect(jsonPath("$.rows.length()").value(1));
    }

    @Test
    void theSurvivorOfAMergeTakesWhatItLacksFromTheDuplicateAndKeepsWhatItHas() throws Exception {
        String keepPhone = phone();
        long keep = registered(officerA, "Lương Thị Mỹ", null);
        jdbc.sql("update student set guardian_phone = ? where id = ?")
                .params(keepPhone, keep)
                .update();
        String id = personalId();
        String again =
                body("Lương Thị Mỹ", id, phone()).replace("{\"student\"", "{\"confirmedDistinct\": true, \"student\"");
        register(officerA, again, null).andExpect(status().isCreated());
        long duplicate = jdbc.sql("select max(id) from student where name_folded = 'luong thi my' and campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();

        students.merge(keep, duplicate, "nhập hai lần", officerA.caller());

        StudentView survivor = students.get(keep, officerA.caller());
        assertThat(survivor.personalId()).isEqualTo(id);
        assertThat(jdbc.sql("select guardian_phone from student where id = ?")
                        .param(keep)
                        .query(String.class)
                        .single())
                .isEqualTo(keepPhone);
        // The personal ID now finds the survivor: registering the child again is refused, naming her.
        register(officerA, body("Lương Thị Mỹ", id, null).replace("Lương", "Luong"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(keep));
    }

    @Test
    void listsByPriorityAndFindsNamesWithoutDiacritics() throws Exception {
        String orphan =
                body("Đặng Thị Cúc", null, null).replace("\"Hộ nghèo\"", "\"Mồ côi cả cha và mẹ do dịch Covid-19\"");
        register(officerA, orphan, null).andExpect(status().isCreated());
        String shared = body("Đặng Văn Đức", null, null).replace("Chưa có thiết bị", "Dùng chung");
        register(officerA, shared, null).andExpect(status().isCreated());
        registered(officerA, "Đặng Thị Én", null);
        StudentPage page = students.list(
                new StudentFilter(campaign, null, schoolA, null, null, null, "dang", 0, 50), officerA.caller());
        assertThat(page.rows())
                .extracting(StudentRow::name)
                .containsExactly("Đặng Thị Cúc", "Đặng Thị Én", "Đặng Văn Đức");
        assertThat(page.rows().get(0).priorityScore())
                .isGreaterThan(page.rows().get(1).priorityScore());
        StudentPage byCategory = students.list(
                new StudentFilter(campaign, districtA, null, null, 4, "ORPHAN_BOTH_PARENTS", null, 0, 50),
                managerA.caller());
        assertThat(byCategory.rows()).extracting(StudentRow::name).containsExactly("Đặng Thị Cúc");
        assertThat(page.count(StudentStatus.REGISTERED)).isEqualTo(3);
    }

    @Test
    void rollUpCountsPerUnitAndNamesSchoolsThatHaveNotProposed() throws Exception {
        long a = registered(officerA, "Mai Thị Xuân", personalId());
        registered(officerB, "Mai Văn Hạ", personalId());
        students.propose(List.of(a), officerA.caller());
        RollUp district = students.rollUp(campaign, null, managerA.caller());
        assertThat(district.units()).singleElement().satisfies(line -> {
            assertThat(line.id()).isEqualTo(communeA);
            assertThat(line.proposed()).isEqualTo(1);
        });
        assertThat(district.deadline()).isEqualTo(java.time.LocalDate.of(2021, 9, 30));
        assertThat(district.notProposed())
                .extracting(RollUp.MissingSchool::id)
                .contains(schoolA2)
                .doesNotContain(schoolA, schoolB);
        RollUp commune = students.rollUp(campaign, communeA, managerA.caller());
        assertThat(commune.schools()).extracting(RollUp.Line::id).contains(schoolA, schoolA2);
        RollUp provinceView =
                students.rollUp(campaign, province, fixtures.manager(province).caller());
        assertThat(provinceView.units()).extracting(RollUp.Line::id).containsExactlyInAnyOrder(districtA, districtB);
        assertThat(provinceView.notProposed())
                .extracting(RollUp.MissingSchool::id)
                .contains(schoolB);
        assertThatThrownBy(() -> students.rollUp(campaign, null, officerA.caller()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void evidenceIsCheckedByItsBytesAndDownloadableOnlyInScope() throws Exception {
        long student = registered(officerA, "Tạ Thị Kim", personalId());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Evidence saved = students.attachEvidence(student, "giay-chung-nhan.png", png, officerA.caller());
        assertThat(saved.contentType()).isEqualTo("image/png");
        assertThatThrownBy(
                        () -> students.attachEvidence(student, "virus.pdf", "MZ\u0090".getBytes(), officerA.caller()))
                .isInstanceOf(vn.cungem.shared.InvalidValueException.class);
        assertThat(students.evidenceFile(student, saved.id(), managerA.caller()).content())
                .isEqualTo(png);
        assertThatThrownBy(() -> students.evidenceFile(student, saved.id(), managerB.caller()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void evidenceUploadedByMistakeCanBeRemovedWithAReasonWhichIsAudited() throws Exception {
        long student = registered(officerA, "Mai Thị Thảo", personalId());
        byte[] pdf = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Evidence wrong = students.attachEvidence(student, "ho-ngheo-nham-em-khac.pdf", pdf, officerA.caller());

        assertThatThrownBy(() -> students.removeEvidence(student, wrong.id(), "  ", officerA.caller()))
                .isInstanceOf(vn.cungem.shared.InvalidValueException.class);
        assertThatThrownBy(() -> students.removeEvidence(student, wrong.id(), "nhầm", managerB.caller()))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(post("/students/" + student + "/evidence/" + wrong.id() + "/delete")
                        .with(user(officerA))
                        .with(csrf())
                        .param("reason", "Tải nhầm giấy của em khác"))
                .andExpect(status().is3xxRedirection());

        assertThat(students.evidence(student, officerA.caller())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'student_evidence' and entity_id = ?"
                                + " and action = 'DELETED' and reason = 'Tải nhầm giấy của em khác'")
                        .param(String.valueOf(wrong.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Once proposed, the evidence backs the decision: the school can no longer remove it, the district can.
        Evidence kept = students.attachEvidence(student, "giay-xac-nhan.pdf", pdf, officerA.caller());
        students.propose(List.of(student), officerA.caller());
        assertThatThrownBy(() -> students.removeEvidence(student, kept.id(), "nhầm", officerA.caller()))
                .isInstanceOf(vn.cungem.shared.ConflictException.class);
        students.removeEvidence(student, kept.id(), "Giấy đã hết hạn", managerA.caller());
        assertThat(students.evidence(student, managerA.caller())).isEmpty();
    }
}
