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
import vn.cungem.identity.account.SignInAttempts;
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

    @Autowired
    vn.cungem.identity.account.ApiTokens tokens;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

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

    // Issue 9, finding 7: five wrong passwords locked the account for everyone, API tokens included, and told which
    // emails exist. Now one party's guessing holds back only that party (email and address together).
    @Test
    void guessingFromOneAddressDoesNotLockTheAccountForItsOwner() throws Exception {
        AccountDetails account = officer();
        String guesser = newClientAddress();
        for (int i = 1; i <= SignInAttempts.PAIR_FREE + 1; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-" + i, guesser))
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
        // The guesser now waits, even with the right password, which is not even looked at...
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, guesser))
                .andExpect(redirectedUrl("/login?error=throttled"));
        // ...while the owner, elsewhere, signs in as usual.
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/dashboard"));
        assertThat(jdbc.sql("select locked_until from user_account where id = ?")
                        .param(account.id())
                        .query(OffsetDateTime.class)
                        .optional())
                .isEmpty();
        assertThat(auditActions(account.id())).contains("SIGN_IN_FAILED").doesNotContain("LOCKED_OUT");
    }

    @Test
    void apiTokensKeepWorkingWhileSignInBacksOff() throws Exception {
        AccountDetails account = officer();
        String token = tokens.create(account.id(), "Đồng bộ", null).token();
        String guesser = newClientAddress();
        for (int i = 1; i <= 10; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-" + i, guesser));
        }
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
    }

    @Test
    void anEmailWithAnAccountAndOneWithoutGetTheSameAnswersAllTheWay() throws Exception {
        AccountDetails account = officer();
        String unknown = SignIns.unknownEmail();
        java.util.List<String> known = answers(account.email(), newClientAddress(), SignInAttempts.PAIR_FREE + 3);
        java.util.List<String> none = answers(unknown, newClientAddress(), SignInAttempts.PAIR_FREE + 3);
        assertThat(known).isEqualTo(none);
        assertThat(known).contains("/login?error=failed", "/login?error=throttled");
        // The page says the same too, in both languages, and names neither the account nor the address.
        mvc.perform(get("/login").param("error", "throttled"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Có quá nhiều lần đăng nhập không thành công")));
        mvc.perform(get("/login").param("error", "throttled").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Too many unsuccessful sign-ins")));
    }

    @Test
    void aDisabledAccountAnswersLikeAWrongPassword() throws Exception {
        AccountDetails account = officer();
        jdbc.sql("update user_account set enabled = false where id = ?")
                .param(account.id())
                .update();
        String client = newClientAddress();
        mvc.perform(signIn(account.email(), "sai-mat-khau-roi-nhe", client))
                .andExpect(redirectedUrl("/login?error=failed"));
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client))
                .andExpect(redirectedUrl("/login?error=failed"));
    }

    /** Rough, with a wide margin: an unknown email must still cost a password-hash comparison. */
    @Test
    void anUnknownEmailCostsAPasswordComparisonLikeAKnownOne() throws Exception {
        AccountDetails account = officer();
        String hash = jdbc.sql("select password_hash from user_account where id = ?")
                .param(account.id())
                .query(String.class)
                .single();
        long compare = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            passwordEncoder.matches("sai-mat-khau-roi-nhe", hash);
            compare = Math.min(compare, System.nanoTime() - start);
            start = System.nanoTime();
            mvc.perform(signIn(SignIns.unknownEmail(), "sai-mat-khau-roi-nhe", newClientAddress()))
                    .andExpect(redirectedUrl("/login?error=failed"));
            unknown = Math.min(unknown, System.nanoTime() - start);
        }
        assertThat(unknown).isGreaterThan(compare / 2);
    }

    @Test
    void aBackOffThatHasRunOutLetsTheNextAttemptThrough() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        for (int i = 1; i <= SignInAttempts.PAIR_FREE + 1; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-" + i, client));
        }
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client))
                .andExpect(redirectedUrl("/login?error=throttled"));
        jdbc.sql("update sign_in_throttle set blocked_until = ? where client_key = ?")
                .params(
                        OffsetDateTime.now().minusSeconds(1),
                        "pair:" + vn.cungem.identity.account.SecretTokens.hash(account.email() + "\n" + client))
                .update();
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client)).andExpect(redirectedUrl("/dashboard"));
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
        for (int i = 0; i < SignInAttempts.PAIR_FREE; i++) {
            mvc.perform(signIn(account.email(), "sai-mat-khau-lan-nua-" + i, client))
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
    }

    @Test
    void holdsBackAClientAddressAfterTwentyFailures() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        for (int i = 0; i <= SignInAttempts.ADDRESS_FREE; i++) {
            mvc.perform(signIn(SignIns.unknownEmail(), "sai-mat-khau-lan-" + i, client))
                    .andExpect(redirectedUrl("/login?error=failed"));
        }
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client))
                .andExpect(redirectedUrl("/login?error=throttled"));
        // Another address is not affected.
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, newClientAddress()))
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void aCountOlderThanAnHourStartsAgain() throws Exception {
        AccountDetails account = officer();
        String client = newClientAddress();
        jdbc.sql("insert into sign_in_throttle (client_key, failures, window_started_at) values (?, 50, ?)")
                .params("ip:" + client, OffsetDateTime.now().minusMinutes(61))
                .update();
        mvc.perform(signIn(SignIns.unknownEmail(), "sai-mat-khau", client))
                .andExpect(redirectedUrl("/login?error=failed"));
        mvc.perform(signIn(account.email(), TestFixtures.PASSWORD, client)).andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void countsEverySimultaneousFailureFromOneAddress() throws Exception {
        String client = newClientAddress();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<java.time.Duration>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String email = SignIns.unknownEmail();
                results.add(pool.submit(() -> {
                    start.await();
                    return attempts.recordFailure(email, client);
                }));
            }
            start.countDown();
            for (var result : results) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select failures from sign_in_throttle where client_key = ?")
                        .param("ip:" + client)
                        .query(Integer.class)
                        .single())
                .isEqualTo(threads);
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

    /** Where each of {@code n} wrong-password attempts for one email from one address was sent. */
    private java.util.List<String> answers(String email, String client, int n) throws Exception {
        java.util.List<String> answers = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            answers.add(mvc.perform(signIn(email, "sai-mat-khau-lan-" + i, client))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl());
        }
        return answers;
    }

    private java.util.List<String> auditActions(long accountId) {
        return events.stream(DomainChange.class)
                .filter(c -> c.entityType().equals("account") && c.entityId().equals(String.valueOf(accountId)))
                .map(DomainChange::action)
                .toList();
    }
}
