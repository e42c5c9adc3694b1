package vn.cungem.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.integrity.IntegrityCheck;
import vn.cungem.shared.integrity.IntegrityFinding;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The integrity run keeps what every check found, goes on past a check that fails to run, and shows the outcome to
 * administrators only: on its page, on their dashboard and through the API.
 */
@IntegrationTest
class IntegrityRunsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    IntegrityRuns runs;

    AccountDetails admin;
    AccountDetails manager;

    @BeforeEach
    void setUp() {
        admin = fixtures.admin();
        manager = fixtures.manager(fixtures.unit("Tỉnh Kiểm Tra", "province", null));
    }

    @Test
    void everyModuleCheckIsFoundAndRunsInOrder() {
        assertThat(runs.checkCodes())
                .contains(
                        "donation.append-only-guards",
                        "donation.corrections",
                        "donation.ledger-matches-statements",
                        "donation.matched-lines-posted",
                        "donation.references")
                .isSorted();
    }

    @Test
    void aCheckThatThrowsIsAnErrorAndTheOthersStillRunAndAreStored() {
        IntegrityCheck broken = check("test.broken", () -> {
            throw new IllegalStateException("relation \"ledger_entry\" does not exist: Nguyễn Văn An");
        });
        IntegrityCheck finds = check(
                "test.finds",
                () -> IntegrityCheck.Outcome.of(List.of(
                        IntegrityFinding.of("integrity.donation.line-not-posted", "CEM-1", 42),
                        IntegrityFinding.of("integrity.donation.guard-missing", "trg_x"))));
        IntegrityCheck fine = check("test.fine", () -> IntegrityCheck.Outcome.PASSED);
        IntegrityRuns three = new IntegrityRuns(List.of(fine, finds, broken), jdbc, tx, Optional.empty());

        IntegrityRun run = three.runAll(IntegrityRun.Trigger.MANUAL, "Quản trị viên");

        assertThat(run.outcome()).isEqualTo(IntegrityRun.Outcome.ERROR);
        IntegrityRun stored = three.latest().orElseThrow();
        assertThat(stored.id()).isEqualTo(run.id());
        assertThat(stored.startedBy()).isEqualTo("Quản trị viên");
        assertThat(stored.results())
                .extracting(IntegrityRun.CheckResult::code)
                .containsExactly("test.broken", "test.finds", "test.fine");
        IntegrityRun.CheckResult error = stored.results().get(0);
        assertThat(error.outcome()).isEqualTo(IntegrityRun.Outcome.ERROR);
        // The kind of failure only: an exception's message may quote data.
        assertThat(error.errorKind()).isEqualTo("IllegalStateException");
        IntegrityRun.CheckResult found = stored.results().get(1);
        assertThat(found.outcome()).isEqualTo(IntegrityRun.Outcome.FAILED);
        assertThat(found.findings()).isEqualTo(2);
        assertThat(found.sample())
                .containsExactly(
                        new IntegrityFinding("integrity.donation.line-not-posted", List.of("CEM-1", "42")),
                        new IntegrityFinding("integrity.donation.guard-missing", List.of("trg_x")));
        assertThat(stored.results().get(2).outcome()).isEqualTo(IntegrityRun.Outcome.PASSED);
    }

    @Test
    void aCheckWithManyFindingsKeepsASampleAndTheTotal() {
        List<IntegrityFinding> many = java.util.stream.IntStream.range(0, 180)
                .mapToObj(i -> IntegrityFinding.of("integrity.donation.line-not-posted", "CEM-2", i))
                .toList();
        IntegrityRuns one = new IntegrityRuns(
                List.of(check("test.many", () -> IntegrityCheck.Outcome.of(many))), jdbc, tx, Optional.empty());

        one.runAll(IntegrityRun.Trigger.SCHEDULED, "Hệ thống");

        IntegrityRun.CheckResult stored = one.latest().orElseThrow().results().get(0);
        assertThat(stored.findings()).isEqualTo(180);
        assertThat(stored.sample()).hasSize(IntegrityCheck.SAMPLE);
    }

    @Test
    void administratorsSeeAndRunTheChecksOthersAreRefused() throws Exception {
        mvc.perform(post("/audit/integrity/runs").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/audit/integrity"));
        mvc.perform(get("/audit/integrity").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kiểm tra toàn vẹn dữ liệu")))
                .andExpect(content().string(Matchers.containsString("Sổ quỹ khớp với sao kê ngân hàng")));
        mvc.perform(get("/dashboard").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kiểm tra toàn vẹn dữ liệu lần gần nhất")));

        mvc.perform(get("/audit/integrity").with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/audit/integrity/runs").with(csrf()).with(user(manager)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/dashboard").with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Kiểm tra toàn vẹn dữ liệu"))));
        mvc.perform(get("/audit/integrity")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theApiIsForAdministrators() throws Exception {
        mvc.perform(post("/api/v1/integrity/runs").with(csrf()).with(user(admin)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").exists())
                .andExpect(jsonPath("$.results[?(@.code == 'donation.references')]")
                        .exists());
        mvc.perform(get("/api/v1/integrity/runs/latest").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results").isArray());
        mvc.perform(get("/api/v1/integrity/runs").with(user(admin))).andExpect(status().isOk());

        mvc.perform(get("/api/v1/integrity/runs/latest").with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/integrity/runs").with(csrf()).with(user(manager)))
                .andExpect(status().isForbidden());
    }

    private static IntegrityCheck check(String code, java.util.function.Supplier<IntegrityCheck.Outcome> body) {
        return new IntegrityCheck() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public Outcome run() {
                return body.get();
            }
        };
    }
}
