package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.ApiTokens;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The scope proof: a manager of district A can neither read nor change district B's accounts by guessing ids, on the
 * pages or through the API with a real bearer token. Out of scope looks exactly like "does not exist" (404).
 */
@IntegrationTest
class AccountScopeIntegrationTests extends MailCatcher {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens apiTokens;

    long province;
    long districtA;
    long communeA;
    long districtB;
    long schoolA;
    long schoolB;
    AccountDetails managerA;
    AccountDetails officerA;
    AccountDetails managerB;
    AccountDetails officerB;
    String tokenA;

    @BeforeEach
    void organisation() {
        province = fixtures.unit("Tỉnh Bình Dương", "province", null);
        districtA = fixtures.unit("Huyện Phú Giáo", "district", province);
        communeA = fixtures.unit("Xã An Bình", "commune", districtA);
        districtB = fixtures.unit("Thành phố Rạch Giá", "district", null);
        schoolA = fixtures.school("Trường THCS An Bình", communeA);
        schoolB = fixtures.school("Trường Tiểu học Rạch Giá", districtB);
        managerA = fixtures.manager(districtA);
        officerA = fixtures.account(Role.SCHOOL_OFFICER, null, schoolA, null);
        managerB = fixtures.manager(districtB);
        officerB = fixtures.account(Role.SCHOOL_OFFICER, null, schoolB, null);
        tokenA = apiTokens.create(managerA.id(), "Kiểm thử phạm vi", null).token();
    }

    @Test
    void managerSeesAccountsOfTheirSubtreeOnly() throws Exception {
        String page = mvc.perform(get("/accounts").with(user(managerA)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(officerA.email()).doesNotContain(officerB.email(), managerB.email());
        mvc.perform(get("/accounts/" + officerA.id()).with(user(managerA))).andExpect(status().isOk());
    }

    @Test
    void guessingAnotherDistrictsAccountIdOnThePagesIsA404AndChangesNothing() throws Exception {
        mvc.perform(get("/accounts/" + officerB.id()).with(user(managerA))).andExpect(status().isNotFound());
        mvc.perform(post("/accounts/" + officerB.id() + "/enabled")
                        .with(user(managerA))
                        .with(csrf())
                        .param("enabled", "false")
                        .param("reason", "thử"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/accounts/" + managerB.id() + "/grant")
                        .with(user(managerA))
                        .with(csrf())
                        .param("role", "SCHOOL_OFFICER")
                        .param("schoolCode", schoolCode(schoolA))
                        .param("reason", "chiếm tài khoản"))
                .andExpect(status().isNotFound());
        assertUnchanged(officerB);
        assertUnchanged(managerB);
        // An id that does not exist at all gets the very same answer.
        mvc.perform(get("/accounts/" + Long.MAX_VALUE).with(user(managerA))).andExpect(status().isNotFound());
    }

    @Test
    void guessingAnotherDistrictsAccountIdThroughTheApiIsA404AndChangesNothing() throws Exception {
        mvc.perform(get("/api/v1/accounts/" + officerB.id()).header("Authorization", "Bearer " + tokenA))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail_en").exists());
        mvc.perform(post("/api/v1/accounts/" + officerB.id() + "/disable")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"thử\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/accounts/" + managerB.id() + "/grant")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"PROGRAMME_MANAGER\",\"unitId\":" + districtA + ",\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        assertUnchanged(officerB);
        assertUnchanged(managerB);

        String list = mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + tokenA))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(officerA.email()).doesNotContain(officerB.email());
    }

    @Test
    void managerInvitesOnlyIntoTheirSubtreeThroughTheApi() throws Exception {
        String inside = TestFixtures.unique("trong") + "@example.vn";
        mvc.perform(post("/api/v1/accounts/invitations")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + inside + "\",\"fullName\":\"Võ Thị Trong\","
                                + "\"role\":\"SCHOOL_OFFICER\",\"schoolId\":" + schoolA + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitationPending").value(true))
                .andExpect(jsonPath("$.schoolId").value(schoolA));
        assertThat(lastMailTo(inside)).contains("/invitation/");

        String outside = TestFixtures.unique("ngoai") + "@example.vn";
        mvc.perform(post("/api/v1/accounts/invitations")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + outside + "\",\"fullName\":\"Đỗ Văn Ngoài\","
                                + "\"role\":\"SCHOOL_OFFICER\",\"schoolId\":" + schoolB + "}"))
                .andExpect(status().isNotFound());
        assertThat(countAccounts(outside)).isZero();
        assertThat(mailsTo(outside)).isEmpty();
    }

    @Test
    void managerCannotInviteAnAdministrator() throws Exception {
        String email = TestFixtures.unique("qt") + "@example.vn";
        mvc.perform(post("/api/v1/accounts/invitations")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"fullName\":\"Quản Trị\",\"role\":\"SYSTEM_ADMIN\"}"))
                .andExpect(status().isForbidden());
        assertThat(countAccounts(email)).isZero();
    }

    @Test
    void retryingAnInvitationSendsAFreshLinkWithoutASecondAccount() throws Exception {
        String email = TestFixtures.unique("lap.lai") + "@example.vn";
        String body = "{\"email\":\"" + email + "\",\"fullName\":\"Bùi Văn Lặp\",\"role\":\"PROGRAMME_MANAGER\","
                + "\"unitId\":" + communeA + "}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/accounts/invitations")
                            .header("Authorization", "Bearer " + tokenA)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isCreated());
        }
        assertThat(countAccounts(email)).isOne();
        assertThat(mailsTo(email)).hasSize(2);
        assertThat(jdbc.sql("select count(*) from account_token t join user_account a on a.id = t.account_id"
                                + " where a.email = ? and t.used_at is null")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void managerDisablesAnAccountInScopeWithAReasonAndItsTokenStops() throws Exception {
        String officerToken = apiTokens.create(officerA.id(), "Trường", null).token();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + officerToken))
                .andExpect(status().isOk());
        mvc.perform(post("/accounts/" + officerA.id() + "/enabled")
                        .with(user(managerA))
                        .with(csrf())
                        .param("enabled", "false")
                        .param("reason", "Chuyển công tác"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + officerToken))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/accounts/" + officerA.id() + "/enable")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Quay lại\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
    }

    @Test
    void managerMovesAnOfficerToAnotherSchoolInScopeButNotOutOfIt() throws Exception {
        long otherSchoolA = fixtures.school("Trường Tiểu học Phước Vĩnh", districtA);
        mvc.perform(post("/accounts/" + officerA.id() + "/grant")
                        .with(user(managerA))
                        .with(csrf())
                        .param("role", "SCHOOL_OFFICER")
                        .param("schoolCode", schoolCode(otherSchoolA))
                        .param("reason", "Điều động"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select school_id from user_account where id = ?")
                        .param(officerA.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(otherSchoolA);
        mvc.perform(post("/accounts/" + officerA.id() + "/grant")
                        .with(user(managerA))
                        .with(csrf())
                        .param("role", "SCHOOL_OFFICER")
                        .param("schoolCode", schoolCode(schoolB))
                        .param("reason", "Ra ngoài phạm vi"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select school_id from user_account where id = ?")
                        .param(officerA.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(otherSchoolA);
    }

    @Test
    void managerCannotDisableThemselves() throws Exception {
        mvc.perform(post("/accounts/" + managerA.id() + "/enabled")
                        .with(user(managerA))
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void searchFindsNamesWithoutDiacritics() throws Exception {
        String email = TestFixtures.unique("huynh") + "@example.vn";
        mvc.perform(post("/api/v1/accounts/invitations")
                        .header("Authorization", "Bearer " + tokenA)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"fullName\":\"Huỳnh Thị Đào\","
                                + "\"role\":\"PROGRAMME_MANAGER\",\"unitId\":" + communeA + "}"))
                .andExpect(status().isCreated())
                // The grant read from the body's flat fields comes back flat beside the account's other fields.
                .andExpect(jsonPath("$.role").value("PROGRAMME_MANAGER"))
                .andExpect(jsonPath("$.unitId").value(communeA))
                .andExpect(jsonPath("$.fullName").value("Huỳnh Thị Đào"))
                .andExpect(jsonPath("$.invitationPending").value(true))
                .andExpect(jsonPath("$.grant").doesNotExist())
                .andExpect(jsonPath("$.homeUnitId").doesNotExist());
        mvc.perform(get("/api/v1/accounts").param("q", "huynh thi dao").header("Authorization", "Bearer " + tokenA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].email").value(email));
        mvc.perform(get("/accounts").param("q", "HUỲNH THỊ ĐÀO").with(user(managerA)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(email)));
    }

    private void assertUnchanged(AccountDetails account) {
        var row = jdbc.sql("select enabled, role, school_id, unit_id from user_account where id = ?")
                .param(account.id())
                .query((rs, n) -> rs.getBoolean("enabled") + "/" + rs.getString("role") + "/"
                        + rs.getObject("school_id") + "/" + rs.getObject("unit_id"))
                .single();
        assertThat(row)
                .isEqualTo(
                        "true/" + account.role().name() + "/" + account.scope().schoolId() + "/"
                                + (account.role() == Role.PROGRAMME_MANAGER
                                        ? account.scope().unitId()
                                        : null));
    }

    private long countAccounts(String email) {
        return jdbc.sql("select count(*) from user_account where email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private String schoolCode(long schoolId) {
        return jdbc.sql("select moet_code from school where id = ?")
                .param(schoolId)
                .query(String.class)
                .single();
    }
}
