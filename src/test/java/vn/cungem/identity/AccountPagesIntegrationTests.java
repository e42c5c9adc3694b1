package vn.cungem.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class AccountPagesIntegrationTests extends MailCatcher {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Test
    void invitationFormOffersManagersNoAdministratorRole() throws Exception {
        AccountDetails manager = fixtures.manager(fixtures.unit("Quận Phú Nhuận", "district", null));
        mvc.perform(get("/accounts/invite").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cán bộ nhà trường")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"SYSTEM_ADMIN\""))));
        mvc.perform(get("/accounts/invite").with(user(fixtures.admin())))
                .andExpect(content().string(Matchers.containsString("value=\"SYSTEM_ADMIN\"")));
    }

    @Test
    void invitationFormExplainsBadInputInTheReadersLanguage() throws Exception {
        AccountDetails manager = fixtures.manager(fixtures.unit("Quận Bình Thạnh", "district", null));
        mvc.perform(post("/accounts/invite")
                        .with(user(manager))
                        .with(csrf())
                        .param("email", "khong-phai-email")
                        .param("fullName", "Ai Đó")
                        .param("role", "PROGRAMME_MANAGER"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Địa chỉ email chưa đúng")));
        mvc.perform(post("/accounts/invite")
                        .with(user(manager))
                        .with(csrf())
                        .param("lang", "en")
                        .param("email", TestFixtures.unique("x") + "@example.vn")
                        .param("fullName", "Ai Đó")
                        .param("role", "PROGRAMME_MANAGER")
                        .param("unitCode", "KHONG-CO"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("No unit with code")));
        mvc.perform(post("/accounts/invite")
                        .with(user(manager))
                        .with(csrf())
                        .param("email", TestFixtures.unique("x") + "@example.vn")
                        .param("fullName", "Ai Đó")
                        .param("role", "NOT_A_ROLE"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void myAccountChangesThePasswordOnlyWithTheCurrentOne() throws Exception {
        AccountDetails officer = fixtures.manager(fixtures.unit("Quận Tân Phú", "district", null));
        mvc.perform(get("/account").with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(officer.email())));
        mvc.perform(post("/account/password")
                        .with(user(officer))
                        .with(csrf())
                        .param("currentPassword", "khong-dung-mat-khau")
                        .param("newPassword", "Mat khau moi that dai 2021")
                        .param("confirmPassword", "Mat khau moi that dai 2021"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Mật khẩu hiện tại không đúng")));
        mvc.perform(post("/account/password")
                        .with(user(officer))
                        .with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD)
                        .param("newPassword", "Mat khau moi that dai 2021")
                        .param("confirmPassword", "Mat khau moi that dai 2021"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(SignIns.signIn(officer.email(), "Mat khau moi that dai 2021", SignIns.newClientAddress()))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/dashboard"));
    }

    @Test
    void accountPagesRenderInEnglish() throws Exception {
        AccountDetails admin = fixtures.admin();
        mvc.perform(get("/accounts").param("lang", "en").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Invite a user")));
        mvc.perform(get("/accounts/" + admin.id()).param("lang", "en").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("System administrator")));
    }
}
