package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.cungem.identity.SignIns.newClientAddress;
import static vn.cungem.identity.SignIns.signIn;

import java.time.OffsetDateTime;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
@RecordApplicationEvents
class SignInIntegrationTests extends MailCatcher {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    vn.cungem.identity.account.SignInAttempts attempts;

    private AccountDetails officer() {
        long unit = fixtures.unit("Quận Một", "district", null);
        return fixtures.account(
                vn.cungem.shared.security.Role.SCHOOL_OFFICER, null, fixtures.school("Trường A", unit), null);
    }

    @Test
    void signsInWithTheRightPasswordAndRecordsTheTime() throws Exception {
        AccountDetails account = officer();
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/dashboard"));
        assertThat(jdbc.sql("select last_sign_in_at from user_account where id = ?")
                        .param(account.id())
                        .query(OffsetDateTime.class)
                        .single())
                .isNotNull();
        assertThat(auditActions(account.id())).contains("SIGNED_IN");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        mvc.perform(signIn(account.email(), "sai-mat-khau-roi-nhe", client))
                .andExpect(redirectedUrl("/login?error=failed"));
        mvc.perform(signIn("khong-ton-tai@example.vn", "sai-mat-khau-roi-nhe", client))
                .andExpect(redirectedUrl("/login?error=failed"));
        mvc.perform(get("/login").param("error", "failed"))
                .andExpect(content().string(Matchers.containsString("Email hoặc mật khẩu không đúng.")));
    }

    @Test
    void locksTheAccountForFifteenMinutesAtTheFifthFailureInARow() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        for (int i = 1; i <= 4; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-" + i, client))
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
        mvc.perform(signIn(account.email(), "sai-mat-khau-lan-5", client))
                .andExpect(redirectedUrl("/login?error=locked"));
        // Even the right password is refused while locked.
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client))
                .andExpect(redirectedUrl("/login?error=locked"));
        OffsetDateTime lockedUntil = jdbc.sql("select locked_until from user_account where id = ?")
                .param(account.id())
                .query(OffsetDateTime.class)
                .single();
        assertThat(lockedUntil)
                .isBetween(
                        OffsetDateTime.now().plusMinutes(14),
                        OffsetDateTime.now().plusMinutes(16));
        assertThat(auditActions(account.id())).contains("SIGN_IN_FAILED", "LOCKED_OUT");
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(Matchers.containsString("Tài khoản tạm khóa")));
        mvc.perform(get("/login").param("error", "locked").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("This account is locked")));
    }

    @Test
    void unlocksWhenTheLockExpires() throws Exception {
        AccountDetails account = officer();
        jdbc.sql("update user_account set locked_until = ? where id = ?")
                .params(OffsetDateTime.now().minusSeconds(1), account.id())
                .update();
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        for (int i = 0; i < 4; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-" + i, client));
        }
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client)).andExpect(redirectedUrl("/dashboard"));
        assertThat(jdbc.sql("select failed_attempts from user_account where id = ?")
                        .param(account.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        mvc.perform(signIn(account.email(), "sai-mat-khau-lan-nua", client))
                .andExpect(redirectedUrl("/login?error=failed"));
    }

    @Test
    void refusesAClientAddressAfterTwentyFailuresInTenMinutes() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(signIn("doan-mo-" + i + "@example.vn", "sai-mat-khau-lan-" + i, client))
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client))
                .andExpect(redirectedUrl("/login?error=throttled"));
        mvc.perform(get("/login").param("error", "throttled"))
                .andExpect(content().string(Matchers.containsString("quá nhiều lần đăng nhập sai")));
        // Another address is not affected, and the account itself was never locked.
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void aThrottleWindowOlderThanTenMinutesStartsAgain() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        jdbc.sql("insert into sign_in_throttle (client_key, failures, window_started_at) values (?, 50, ?)")
                .params(client, OffsetDateTime.now().minusMinutes(11))
                .update();
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client)).andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void countsEverySimultaneousFailureFromOneAddress() throws Exception {
        String client = newClientAddress();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String email = "dong-thoi-" + i + "@example.vn";
                results.add(pool.submit(() -> {
                    start.await();
                    return attempts.recordFailure(email, client);
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isFalse();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select failures from sign_in_throttle where client_key = ?")
                        .param(client)
                        .query(Integer.class)
                        .single())
                .isEqualTo(threads);
    }

    @Test
    void disabledAccountCannotSignIn() throws Exception {
        AccountDetails account = officer();
        jdbc.sql("update user_account set enabled = false where id = ?")
                .param(account.id())
                .update();
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/login?error=failed"));
    }

    @Test
    void refusesAFormPostWithoutTheCsrfToken() throws Exception {
        AccountDetails account = officer();
        mvc.perform(post("/account/tokens").param("name", "x").with(user(account)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", account.email()).param("password", TestFixtures.PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesNeedSigningInButTheSignInAndRecoveryPagesDoNot() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/accounts")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/password-reset")).andExpect(status().isOk());
        mvc.perform(get("/register")).andExpect(status().isOk());
    }

    private java.util.List<String> auditActions(long accountId) {
        return events.stream(DomainChange.class)
                .filter(c -> c.entityType().equals("account") && c.entityId().equals(String.valueOf(accountId)))
                .map(DomainChange::action)
                .toList();
    }
}
