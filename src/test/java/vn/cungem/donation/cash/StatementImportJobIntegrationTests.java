package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.donation.cash.StatementImportJob.Status;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.jdbc.KeyedLocks;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.MailOutbox;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 10: a statement too large to import during its request becomes a job that a worker on any node runs; the
 * page and the API follow it to its outcome, a retried upload gets the same job, a refused file says why and writes
 * nothing, and a job that finds the campaign's money busy waits in the queue instead of failing.
 */
@IntegrationTest
class StatementImportJobIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementImportJobs jobs;

    @Autowired
    StatementImportWorker worker;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    KeyedLocks locks;

    AccountDetails manager;
    long campaign;

    @BeforeEach
    void setUp() {
        long province = fixtures.unit("Tỉnh Hàng Đợi", "province", null);
        long district = fixtures.unit("Huyện Chạy Nền", "district", province);
        manager = fixtures.manager(district);
        campaign = new CashTestData(jdbc).campaign(district);
    }

    /** A statement larger than what is imported during the request. */
    private static byte[] large(String prefix, String firstLine) {
        StringBuilder csv = new StringBuilder("Ngày giao dịch;Số bút toán;Ghi nợ;Ghi có;Nội dung\n").append(firstLine);
        for (int i = 0; csv.length() <= StatementImportJobs.INLINE_BYTES; i++) {
            csv.append("10/09/2021;")
                    .append(prefix)
                    .append(i)
                    .append(";;")
                    .append(100_000 + i)
                    .append(";ung ho hoc sinh ")
                    .append(i)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private long lines() {
        return jdbc.sql("select count(*) from bank_statement_line where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    /** Runs the worker, as a node's timer would, until the job has ended (fails naming the job after 20 s). */
    private StatementImportJob awaitOutcome(long jobId) {
        MailOutbox.awaitUntil(
                () -> {
                    worker.poll();
                    return !jobs.get(campaign, jobId, manager.caller()).status().busy();
                },
                "statement import job " + jobId + " to end");
        return jobs.get(campaign, jobId, manager.caller());
    }

    @Test
    void aLargeStatementIsQueuedRunByTheWorkerAndFollowedToItsOutcome() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "sao-ke-lon.csv", "text/csv", large("Q", ""));
        String body = mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                        .file(file)
                        .header("Idempotency-Key", "lan-1")
                        .with(user(manager)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", Matchers.containsString("/statements/imports/")))
                .andExpect(jsonPath("$.status").value(Matchers.oneOf("QUEUED", "RUNNING")))
                .andExpect(jsonPath("$.result").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long jobId = Long.parseLong(body.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1"));

        // A retry of the same upload (the answer was lost) gets the same job, not a second import.
        mvc.perform(multipart("/api/v1/campaigns/{id}/statements", campaign)
                        .file(file)
                        .header("Idempotency-Key", "lan-1")
                        .with(user(manager)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(jobId));
        mvc.perform(get("/campaigns/{c}/statements/imports/{j}", campaign, jobId)
                        .with(user(manager)))
                .andExpect(status().isOk());

        StatementImportJob done = awaitOutcome(jobId);
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.result().added()).isEqualTo(done.result().linesInFile()).isGreaterThan(5_000);
        assertThat(lines()).isEqualTo(done.result().added());

        mvc.perform(get("/api/v1/campaigns/{c}/statements/imports/{j}", campaign, jobId)
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.result.added").value(done.result().added()))
                .andExpect(jsonPath("$.result.alreadyKnown").value(0));
        mvc.perform(get("/campaigns/{c}/statements/imports/{j}/status", campaign, jobId)
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(content().string(Matchers.containsString("Đã nhập xong")));
        // Someone who may not see the campaign's money does not see its jobs either.
        AccountDetails stranger = fixtures.manager(fixtures.unit("Huyện Khác", "district", null));
        mvc.perform(get("/api/v1/campaigns/{c}/statements/imports/{j}", campaign, jobId)
                        .with(user(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedLargeFileSaysWhyInBothLanguagesAndWritesNothing() throws Exception {
        String redirect = mvc.perform(multipart("/campaigns/{id}/statements", campaign)
                        .file(new MockMultipartFile(
                                "file", "hong.csv", "text/csv", large("R", "31/02/2021;R-BAD;;100000;ngay sai\n")))
                        .with(user(manager))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/campaigns/*/statements/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long jobId = Long.parseLong(redirect.substring(redirect.lastIndexOf('/') + 1));

        StatementImportJob failed = awaitOutcome(jobId);
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.failureVi()).contains("chưa ghi gì");
        assertThat(failed.failureEn()).contains("nothing was written");
        assertThat(failed.problems()).anyMatch(p -> p.line() == 2);
        assertThat(failed.result()).isNull();
        assertThat(lines()).isZero();
        assertThat(jdbc.sql("select count(*) from bank_statement_import where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(get("/campaigns/{c}/statements/imports/{j}", campaign, jobId)
                        .with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Sao kê không nhập được")));
    }

    @Test
    void aJobThatFindsTheCampaignsMoneyBusyWaitsInTheQueue() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
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
            long jobId = jobs.upload(campaign, "cho.csv", large("W", ""), null, manager.caller())
                    .id();
            worker.poll();
            StatementImportJob waiting = jobs.get(campaign, jobId, manager.caller());
            assertThat(waiting.status()).isIn(Status.QUEUED, Status.RUNNING);
            assertThat(lines()).isZero();

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(awaitOutcome(jobId).status()).isEqualTo(Status.DONE);
            assertThat(lines()).isGreaterThan(5_000);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }
}
