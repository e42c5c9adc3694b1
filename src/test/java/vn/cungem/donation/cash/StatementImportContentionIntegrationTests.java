package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.jdbc.KeyedLocks;
import vn.cungem.shared.spreadsheet.SpreadsheetParsing;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 9: two statement imports of one campaign at once answered 500 ("Timeout trying to lock table campaign"), and
 * several large files read at once could take the memory of the whole application. Contention is a 409 that says
 * another import is running; a full house of spreadsheet reads is a 503 that says to try again; neither is a 500, and
 * other requests go on being answered.
 */
@IntegrationTest
class StatementImportContentionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    KeyedLocks locks;

    AccountDetails manager;
    long campaign;

    @BeforeEach
    void setUp() {
        CashTestData data = new CashTestData(jdbc);
        long province = fixtures.unit("Tỉnh Tranh Chấp", "province", null);
        long district = fixtures.unit("Huyện Cùng Lúc", "district", province);
        manager = fixtures.manager(district);
        campaign = data.campaign(district);
    }

    private static MockMultipartFile statement(int lines, String prefix) {
        StringBuilder csv = new StringBuilder("Ngày giao dịch;Số bút toán;Ghi nợ;Ghi có;Nội dung\n");
        for (int i = 0; i < lines; i++) {
            csv.append("10/09/2021;")
                    .append(prefix)
                    .append(i)
                    .append(";;")
                    .append(100_000 + i)
                    .append(";ung ho hoc sinh ")
                    .append(i)
                    .append('\n');
        }
        return new MockMultipartFile(
                "file", "sao-ke.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anImportWhileTheCampaignIsHeldIsA409SayingAnotherImportIsRunning() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // What a long import does first: hold donation's lock on the campaign's money.
            Future<?> holder = other.submit(() -> transaction.executeWithoutResult(tx -> {
                locks.lock(CashAccess.LOCKS, campaign, CashAccess.CASH);
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                            .file(statement(3, "A"))
                            .with(user(manager)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail")
                            .value(org.hamcrest.Matchers.containsString(
                                    "Một lần nhập sao kê khác của chương trình này đang chạy")))
                    .andExpect(jsonPath("$.detail_en")
                            .value(org.hamcrest.Matchers.containsString(
                                    "Another statement import of this campaign is running")));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            mvc.perform(multipart("/campaigns/{id}/statements", campaign)
                            .file(statement(3, "A"))
                            .with(user(manager))
                            .with(csrf()))
                    // The page shows the form again with the message, as for any file it cannot take.
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute(
                                    "error",
                                    org.hamcrest.Matchers.containsString(
                                            "Một lần nhập sao kê khác của chương trình này đang chạy")));

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                            .file(statement(3, "A"))
                            .with(user(manager)))
                    .andExpect(status().isAccepted());
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    /**
     * Issue 10: donation locks a row of its own, not the campaign's, and so does a student import: a student import of
     * the same campaign running no longer makes a statement import wait.
     */
    @Test
    void aStudentImportOfTheCampaignDoesNotHoldUpAStatementImport() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> transaction.executeWithoutResult(tx -> {
                locks.lock("student_lock", campaign, "import");
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                            .file(statement(3, "S"))
                            .with(user(manager)))
                    .andExpect(status().isAccepted());
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void twoImportsOfOneCampaignAtOnceNeverAnswer500() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String prefix : List.of("X", "Y")) {
                MockMultipartFile file = statement(5_000, prefix);
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                                    .file(file)
                                    .with(user(manager)))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            // Each is imported in turn (202, done), or refused because the other is running (409); never a 500.
            assertThat(statuses).allMatch(s -> s == 202 || s == 409).contains(202);
            long imported = jdbc.sql("select count(*) from bank_statement_line where campaign_id = ?")
                    .param(campaign)
                    .query(Long.class)
                    .single();
            assertThat(imported)
                    .isEqualTo(5_000L * statuses.stream().filter(s -> s == 202).count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenEveryReadingSlotIsTakenAnUploadIsA503AndOtherPagesStillAnswer() throws Exception {
        CountDownLatch taken = new CountDownLatch(SpreadsheetParsing.SLOTS);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(SpreadsheetParsing.SLOTS);
        byte[] small = "a;b\n".getBytes(StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < SpreadsheetParsing.SLOTS; i++) {
                // Two large files being read: each holds a slot until released.
                readers.submit(() -> SpreadsheetParsing.read(
                        small,
                        vn.cungem.shared.spreadsheet.SpreadsheetGuard.Limits.DEFAULT,
                        true,
                        Duration.ZERO,
                        () -> {
                            taken.countDown();
                            try {
                                release.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }));
            }
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(SpreadsheetParsing.freeSlots()).isZero();

            long start = System.nanoTime();
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                            .file(statement(3, "B"))
                            .with(user(manager)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "60"))
                    .andExpect(
                            jsonPath("$.detail").value("Hệ thống đang xử lý nhiều tệp, vui lòng thử lại sau ít phút."))
                    .andExpect(jsonPath("$.detail_en").value("Busy reading other files, try again in a few minutes."));
            // It waited briefly for a slot, then gave up.
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isGreaterThanOrEqualTo(SpreadsheetParsing.REQUEST_WAIT.minusMillis(200))
                    .isLessThan(SpreadsheetParsing.REQUEST_WAIT.plusSeconds(10));
            mvc.perform(multipart("/campaigns/{id}/statements", campaign)
                            .file(statement(3, "B"))
                            .with(user(manager))
                            .with(csrf()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content()
                            .string(org.hamcrest.Matchers.containsString(
                                    "Hệ thống đang xử lý nhiều tệp, vui lòng thử lại sau ít phút.")));
            // An unrelated page is answered meanwhile.
            mvc.perform(get("/")).andExpect(status().isOk());
            assertThat(jdbc.sql("select count(*) from bank_statement_import where campaign_id = ?")
                            .param(campaign)
                            .query(Long.class)
                            .single())
                    .isZero();

            release.countDown();
            mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                            .file(statement(3, "B"))
                            .with(user(manager)))
                    .andExpect(status().isAccepted());
        } finally {
            release.countDown();
            readers.shutdownNow();
            readers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
