package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.SecretTokens;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class ApiTokenIntegrationTests extends MailCatcher {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApiCallWithoutATokenIsA401ProblemInBothLanguages() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Cần đăng nhập")))
                .andExpect(jsonPath("$.detail_en").value(Matchers.containsString("Authentication required")));
    }

    @Test
    void anUnknownTokenIsA401Problem() throws Exception {
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer ce_" + SecretTokens.newToken()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("token-invalid"))
                .andExpect(jsonPath("$.detail_en").value(Matchers.containsString("invalid")));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer not-even-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenCreatedOnMyAccountIsShownOnceStoredAsAHashAndActsAsTheAccount() throws Exception {
        long district = fixtures.unit("Thành phố Thủ Đức", "district", null);
        AccountDetails manager = fixtures.manager(district);
        String token = createToken(manager, "Đồng bộ với Hội", null);
        assertThat(token).startsWith("ce_");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? and token_prefix = ?")
                        .params(SecretTokens.hash(token), token.substring(0, 9))
                        .query(Long.class)
                        .single())
                .isOne();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(manager.id()))
                .andExpect(jsonPath("$.role").value("PROGRAMME_MANAGER"))
                .andExpect(jsonPath("$.scope.kind").value("UNIT"))
                .andExpect(jsonPath("$.scope.unitId").value(district));
        assertThat(jdbc.sql("select last_used_at from api_token where token_hash = ?")
                        .param(SecretTokens.hash(token))
                        .query(OffsetDateTime.class)
                        .single())
                .isNotNull();

        // The page lists it by prefix and never shows the secret again.
        String page = mvc.perform(get("/account").with(user(manager)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Đồng bộ với Hội", token.substring(0, 9)).doesNotContain(token);
    }

    @Test
    void aRevokedTokenStopsWorking() throws Exception {
        AccountDetails manager = fixtures.manager(fixtures.unit("Quận Tám", "district", null));
        String token = createToken(manager, "Tạm thời", null);
        long id = jdbc.sql("select id from api_token where token_hash = ?")
                .param(SecretTokens.hash(token))
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(post("/account/tokens/" + id + "/revoke")
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void nobodyRevokesAnotherAccountsToken() throws Exception {
        AccountDetails owner = fixtures.manager(fixtures.unit("Quận Chín", "district", null));
        AccountDetails other = fixtures.manager(fixtures.unit("Quận Mười", "district", null));
        String token = createToken(owner, "Của tôi", null);
        long id = jdbc.sql("select id from api_token where token_hash = ?")
                .param(SecretTokens.hash(token))
                .query(Long.class)
                .single();
        mvc.perform(post("/account/tokens/" + id + "/revoke").with(user(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void anExpiredTokenStopsWorking() throws Exception {
        AccountDetails manager = fixtures.manager(fixtures.unit("Quận Mười Một", "district", null));
        String token = createToken(manager, "Một ngày", "1");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        jdbc.sql("update api_token set expires_at = ? where token_hash = ?")
                .params(OffsetDateTime.now().minusSeconds(1), SecretTokens.hash(token))
                .update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledAccountsTokenStopsWorking() throws Exception {
        AccountDetails manager = fixtures.manager(fixtures.unit("Quận Mười Hai", "district", null));
        String token = createToken(manager, "Sẽ bị khóa", null);
        jdbc.sql("update user_account set enabled = false where id = ?")
                .param(manager.id())
                .update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRoleWithoutAccountManagementGetsA403Problem() throws Exception {
        AccountDetails donor = fixtures.account(Role.DONOR, null, null, null);
        String token = createToken(donor, "Nhà hảo tâm", null);
        mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("không có quyền")))
                .andExpect(jsonPath("$.detail_en").value(Matchers.containsString("not allowed")));
        mvc.perform(get("/accounts").with(user(donor))).andExpect(status().isForbidden());
    }

    @Test
    void rejectsATokenValidityOutsideOneToThreeHundredSixtySixDays() throws Exception {
        AccountDetails manager = fixtures.manager(fixtures.unit("Quận Tân Bình", "district", null));
        mvc.perform(post("/account/tokens")
                        .with(user(manager))
                        .with(csrf())
                        .param("name", "Sai hạn")
                        .param("validDays", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("366")));
        mvc.perform(post("/account/tokens")
                        .with(user(manager))
                        .with(csrf())
                        .param("name", "Sai hạn")
                        .param("validDays", "0"))
                .andExpect(status().isBadRequest());
    }

    private String createToken(AccountDetails account, String name, String validDays) throws Exception {
        var request = post("/account/tokens").with(user(account)).with(csrf()).param("name", name);
        if (validDays != null) {
            request.param("validDays", validDays);
        }
        MvcResult result =
                mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
        return (String) result.getFlashMap().get("newToken");
    }
}
