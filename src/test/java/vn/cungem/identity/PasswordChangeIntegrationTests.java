package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.cungem.identity.SignIns.newClientAddress;
import static vn.cungem.identity.SignIns.signIn;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.ApiTokens;
import vn.cungem.identity.account.SignInAttempts;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 9, finding 3: a new password ends what the old one opened. A change keeps the session that made it and ends
 * every other; a reset ends them all; both revoke the account's API tokens, tell the owner by email, and are audited.
 */
@IntegrationTest
@RecordApplicationEvents
class PasswordChangeIntegrationTests extends MailCatcher {

    private static final String NEW_PASSWORD = "Mat-khau-moi-that-dai-2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ApplicationEvents events;

    private AccountDetails officer() {
        long unit = fixtures.unit("Quận Đổi Mật Khẩu", "district", null);
        return fixtures.account(Role.SCHOOL_OFFICER, null, fixtures.school("Trường Đổi Mật Khẩu", unit), null);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsKeepsThisOneAndRevokesEveryToken() throws Exception {
        AccountDetails account = officer();
        Cookie here = sessionOf(account.email(), TestFixtures.PASSWORD);
        Cookie elsewhere = sessionOf(account.email(), TestFixtures.PASSWORD);
        String first = tokens.create(account.id(), "Đồng bộ 1", null).token();
        String second = tokens.create(account.id(), "Đồng bộ 2", 30).token();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + first))
                .andExpect(status().isOk());

        String setCookie = mvc.perform(post("/account/password")
                        .cookie(here)
                        .with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD)
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(redirectedUrl("/account"))
                .andReturn()
                .getResponse()
                .getHeader("Set-Cookie");

        // This browser stays signed in under a new session id; the id it had before the change no longer works.
        assertThat(setCookie).startsWith("CUNGEM_SESSION=");
        Cookie renewed =
                new Cookie("CUNGEM_SESSION", setCookie.substring("CUNGEM_SESSION=".length(), setCookie.indexOf(';')));
        assertThat(renewed.getValue()).isNotEqualTo(here.getValue());
        mvc.perform(get("/dashboard").cookie(renewed)).andExpect(status().isOk());
        mvc.perform(get("/dashboard").cookie(here)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/dashboard").cookie(elsewhere)).andExpect(status().is3xxRedirection());
        assertThat(sessionsOf(account.email())).isOne();
        for (String token : List.of(first, second)) {
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(tokens.list(account.id()))
                .allSatisfy(t -> assertThat(t.revokedAt()).isNotNull());

        String notice = lastMailTo(account.email());
        assertThat(notice)
                .contains("Mật khẩu Cùng Em của bạn vừa được đổi")
                .contains("Your Cùng Em password was changed")
                .contains("Mật khẩu của bạn vừa được đổi")
                .contains("Your password was changed")
                .contains("/password-reset");
        DomainChange change = lastChange(account.id(), "PASSWORD_CHANGED");
        assertThat(change.after()).containsEntry("otherSessionsEnded", 1).containsEntry("apiTokensRevoked", 2);
        assertThat(events.stream(DomainChange.class)
                        .filter(c ->
                                c.entityType().equals("api_token") && c.action().equals("REVOKED"))
                        .filter(c -> Long.valueOf(account.id()).equals(c.after().get("accountId"))))
                .hasSize(2);
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws Exception {
        AccountDetails account = officer();
        Cookie here = sessionOf(account.email(), TestFixtures.PASSWORD);
        Cookie elsewhere = sessionOf(account.email(), TestFixtures.PASSWORD);
        String token = tokens.create(account.id(), "Đồng bộ", null).token();
        mvc.perform(post("/account/password")
                        .cookie(here)
                        .with(csrf())
                        .param("currentPassword", "khong-phai-mat-khau")
                        .param("newPassword", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard").cookie(elsewhere)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(mailsTo(account.email())).isEmpty();
    }

    @Test
    void resettingThePasswordEndsEverySessionRevokesTokensAndLiftsTheOwnersBackOff() throws Exception {
        AccountDetails account = officer();
        Cookie session = sessionOf(account.email(), TestFixtures.PASSWORD);
        String token = tokens.create(account.id(), "Đồng bộ", null).token();
        // The owner mistyped often enough to be held back at this address.
        String owner = newClientAddress();
        for (int i = 0; i <= SignInAttempts.PAIR_FREE; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-" + i, owner));
        }
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, owner))
                .andExpect(redirectedUrl("/login?error=throttled"));

        mvc.perform(post("/password-reset").with(csrf()).param("email", account.email()))
                .andExpect(status().isOk());
        String link = tokenOf(lastMailTo(account.email()), "/password-reset/");
        mvc.perform(post("/password-reset/" + link)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(owner);
                            return request;
                        })
                        .param("password", NEW_PASSWORD)
                        .param("confirmPassword", NEW_PASSWORD))
                .andExpect(status().isOk());

        mvc.perform(get("/dashboard").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(sessionsOf(account.email())).isZero();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        assertThat(lastMailTo(account.email()))
                .contains("Mật khẩu của bạn vừa được đổi")
                .contains("Your password was changed");
        DomainChange change = lastChange(account.id(), "PASSWORD_RESET");
        assertThat(change.after()).containsEntry("otherSessionsEnded", 1).containsEntry("apiTokensRevoked", 1);
        mvc.perform(signIn(account.email(), NEW_PASSWORD, owner)).andExpect(redirectedUrl("/dashboard"));
    }

    private Cookie sessionOf(String email, String password) throws Exception {
        String setCookie = mvc.perform(signIn(email, password, newClientAddress()))
                .andExpect(redirectedUrl("/dashboard"))
                .andReturn()
                .getResponse()
                .getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("CUNGEM_SESSION=");
        return new Cookie("CUNGEM_SESSION", setCookie.substring("CUNGEM_SESSION=".length(), setCookie.indexOf(';')));
    }

    private long sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private DomainChange lastChange(long accountId, String action) {
        List<DomainChange> changes = events.stream(DomainChange.class)
                .filter(c -> c.entityType().equals("account")
                        && c.entityId().equals(String.valueOf(accountId))
                        && c.action().equals(action))
                .toList();
        assertThat(changes).isNotEmpty();
        return changes.get(changes.size() - 1);
    }
}
