package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.cungem.identity.SignIns.newClientAddress;
import static vn.cungem.identity.SignIns.signIn;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.SecretTokens;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class EmailLinksIntegrationTests extends MailCatcher {

    private static final String NEW_PASSWORD = "Mùa thu Hà Nội có hoa sữa";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void invitedOfficerSetsAPasswordThroughTheEmailedLinkAndSignsIn() throws Exception {
        long district = fixtures.unit("Huyện Nhà Bè", "district", null);
        long school = fixtures.school("Trường Tiểu học Phước Kiển", district);
        String schoolCode = jdbc.sql("select moet_code from school where id = ?")
                .param(school)
                .query(String.class)
                .single();
        AccountDetails manager = fixtures.manager(district);
        String email = TestFixtures.unique("can.bo") + "@truong.edu.vn";

        mvc.perform(post("/accounts/invite")
                        .with(user(manager))
                        .with(csrf())
                        .param("email", email)
                        .param("fullName", "Trần Thị Bích")
                        .param("role", "SCHOOL_OFFICER")
                        .param("schoolCode", schoolCode))
                .andExpect(status().is3xxRedirection());

        String mail = lastMailTo(email);
        assertThat(mail).contains("Lời mời", "Invitation", "Trần Thị Bích", "cán bộ nhà trường", "school officer");
        String token = tokenOf(mail, "/invitation/");
        // Only the hash of the link's token is stored.
        assertThat(jdbc.sql("select count(*) from account_token where token_hash = ? and purpose = 'INVITATION'")
                        .param(SecretTokens.hash(token))
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select count(*) from account_token where token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .isZero();
        OffsetDateTime expires = jdbc.sql("select expires_at from account_token where token_hash = ?")
                .param(SecretTokens.hash(token))
                .query(OffsetDateTime.class)
                .single();
        assertThat(Duration.between(OffsetDateTime.now(), expires))
                .isBetween(Duration.ofDays(7).minusMinutes(5), Duration.ofDays(7));

        // Before accepting, the account cannot sign in.
        mvc.perform(signIn(email, NEW_PASSWORD, newClientAddress())).andExpect(redirectedUrl("/login?error=failed"));

        mvc.perform(get("/invitation/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trần Thị Bích")));
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("password", "ngan-qua")
                        .param("confirmPassword", "ngan-qua"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("ít nhất 12 ký tự")));
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Đã kích hoạt tài khoản")));

        mvc.perform(signIn(email, NEW_PASSWORD, newClientAddress())).andExpect(redirectedUrl("/dashboard"));
        // Single use.
        mvc.perform(get("/invitation/" + token)).andExpect(status().isGone());
        mvc.perform(post("/invitation/" + token)
                        .with(csrf())
                        .param("password", "Mot mat khau khac dai hon")
                        .param("confirmPassword", "Mot mat khau khac dai hon"))
                .andExpect(status().isGone());
    }

    @Test
    void anExpiredInvitationLinkNoLongerWorks() throws Exception {
        long district = fixtures.unit("Quận Ba", "district", null);
        AccountDetails manager = fixtures.manager(district);
        String email = TestFixtures.unique("het.han") + "@example.vn";
        mvc.perform(post("/accounts/invite")
                        .with(user(manager))
                        .with(csrf())
                        .param("email", email)
                        .param("fullName", "Lê Văn Hạn")
                        .param("role", "PROGRAMME_MANAGER")
                        .param("unitCode", unitCode(district)))
                .andExpect(status().is3xxRedirection());
        String token = tokenOf(lastMailTo(email), "/invitation/");
        jdbc.sql("update account_token set expires_at = ? where token_hash = ?")
                .params(OffsetDateTime.now().minusSeconds(1), SecretTokens.hash(token))
                .update();
        mvc.perform(get("/invitation/" + token))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Liên kết không còn hiệu lực")));
    }

    @Test
    void resetRequestAnswersTheSameForUnknownEmailsAndSendsNothing() throws Exception {
        String unknown = TestFixtures.unique("khong.co") + "@example.vn";
        String body = mvc.perform(post("/password-reset").with(csrf()).param("email", unknown))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(mailsTo(unknown)).isEmpty();

        AccountDetails account = fixtures.manager(fixtures.unit("Quận Năm", "district", null));
        String known = mvc.perform(post("/password-reset").with(csrf()).param("email", account.email()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(withoutCsrf(known)).isEqualTo(withoutCsrf(body));
        assertThat(mailsTo(account.email())).hasSize(1);
    }

    @Test
    void passwordResetLinkSetsANewPasswordOnceAndUnlocksTheAccount() throws Exception {
        AccountDetails account = fixtures.manager(fixtures.unit("Quận Sáu", "district", null));
        jdbc.sql("update user_account set locked_until = ?, failed_attempts = 3 where id = ?")
                .params(OffsetDateTime.now().plusMinutes(15), account.id())
                .update();
        mvc.perform(post("/password-reset").with(csrf()).param("email", account.email()))
                .andExpect(status().isOk());
        String mail = lastMailTo(account.email());
        assertThat(mail).contains("Đặt lại mật khẩu", "Reset your");
        String token = tokenOf(mail, "/password-reset/");
        OffsetDateTime expires = jdbc.sql("select expires_at from account_token where token_hash = ?")
                .param(SecretTokens.hash(token))
                .query(OffsetDateTime.class)
                .single();
        assertThat(Duration.between(OffsetDateTime.now(), expires))
                .isBetween(Duration.ofMinutes(55), Duration.ofHours(1));

        mvc.perform(get("/password-reset/" + token)).andExpect(status().isOk());
        mvc.perform(post("/password-reset/" + token)
                        .with(csrf())
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", "khong khop voi mat khau"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("không khớp")));
        mvc.perform(post("/password-reset/" + token)
                        .with(csrf())
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isOk());

        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/login?error=failed"));
        mvc.perform(signIn(account.email(), NEW_PASSWORD, newClientAddress())).andExpect(redirectedUrl("/dashboard"));
        mvc.perform(get("/password-reset/" + token)).andExpect(status().isGone());
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        AccountDetails account = fixtures.manager(fixtures.unit("Quận Bảy", "district", null));
        mvc.perform(post("/password-reset").with(csrf()).param("email", account.email()));
        String token = tokenOf(lastMailTo(account.email()), "/password-reset/");
        jdbc.sql("update account_token set expires_at = ? where token_hash = ?")
                .params(OffsetDateTime.now().minusSeconds(1), SecretTokens.hash(token))
                .update();
        mvc.perform(post("/password-reset/" + token)
                        .with(csrf())
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isGone());
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void aDonorSignsUpAndCanSignInOnlyAfterConfirmingTheEmail() throws Exception {
        String email = TestFixtures.unique("nha.hao.tam") + "@example.vn";
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", email)
                        .param("fullName", "Phạm Minh Đức")
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("xác nhận")));
        mvc.perform(signIn(email, NEW_PASSWORD, newClientAddress())).andExpect(redirectedUrl("/login?error=failed"));

        String token = tokenOf(lastMailTo(email), "/register/verify/");
        mvc.perform(get("/register/verify/" + token)).andExpect(status().isOk());
        mvc.perform(signIn(email, NEW_PASSWORD, newClientAddress())).andExpect(redirectedUrl("/dashboard"));
        assertThat(jdbc.sql("select role from user_account where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("DONOR");
        mvc.perform(get("/register/verify/" + token)).andExpect(status().isGone());

        // Signing up again with the same email changes nothing and says nothing new.
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", email)
                        .param("fullName", "Kẻ Khác")
                        .param("password", "Mot mat khau khac dai hon")
                        .param("confirmPassword", "Mot mat khau khac dai hon"))
                .andExpect(status().isOk());
        assertThat(mailsTo(email)).hasSize(1);
        mvc.perform(signIn(email, NEW_PASSWORD, newClientAddress())).andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void signUpRefusesANameThatIsNotANameAndMailsNothing() throws Exception {
        String victim = TestFixtures.unique("nan.nhan") + "@example.vn";
        for (String notAName : new String[] {
            "Chúc mừng bạn trúng thưởng 50 triệu, nhận tại https://qua-tang.example/nhan",
            "An www.qua-tang.vn",
            "Liên hệ lan@example.vn",
            "Nguyễn Văn 0987654321"
        }) {
            mvc.perform(post("/register")
                            .with(csrf())
                            .param("email", victim)
                            .param("fullName", notAName)
                            .param("password", NEW_PASSWORD)
                            .param("confirmPassword", NEW_PASSWORD))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("chỉ gồm chữ cái")));
        }
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("lang", "en")
                        .param("email", victim)
                        .param("fullName", "Win 50,000,000 VND at https://qua-tang.example")
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("only letters")));
        assertThat(mailsTo(victim)).isEmpty();
    }

    @Test
    void theSignUpMailGreetsNeutrallyAndCarriesNothingTheFormWasGiven() throws Exception {
        String email = TestFixtures.unique("chao") + "@example.vn";
        // name-shaped, yet still words someone else chose: they are not put in the mail
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", email)
                        .param("fullName", "Chúc mừng bạn trúng thưởng xe máy")
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isOk());
        String mail = lastMailTo(email);
        assertThat(mail).contains("Xin chào,", "Hello,", "/register/verify/").doesNotContain("trúng thưởng");
    }

    @Test
    void signUpRejectsAWeakPasswordInBothLanguages() throws Exception {
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", TestFixtures.unique("yeu") + "@example.vn")
                        .param("fullName", "Ngô Thị Yếu")
                        .param("password", "matkhau123456")
                        .param("confirmPassword", "matkhau123456"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("quá phổ biến")));
        mvc.perform(post("/register")
                        .with(csrf())
                        .param("lang", "en")
                        .param("email", TestFixtures.unique("weak") + "@example.vn")
                        .param("fullName", "Ngô Thị Yếu")
                        .param("password", "matkhau123456")
                        .param("confirmPassword", "matkhau123456"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("too common")));
    }

    /** Each response carries a fresh CSRF token; everything else must be identical. */
    private static String withoutCsrf(String html) {
        return html.replaceAll("(name=\"_csrf\"[^>]*value|name=\"_csrf\" content)=\"[^\"]*\"", "$1")
                .replaceAll("content=\"[^\"]*\"(\\s*name=\"_csrf\")", "$1");
    }

    private String unitCode(long unitId) {
        return jdbc.sql("select code from administrative_unit where id = ?")
                .param(unitId)
                .query(String.class)
                .single();
    }
}
