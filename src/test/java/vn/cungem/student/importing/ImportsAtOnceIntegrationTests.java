package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.cash.BankStatements;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.ImportTimers;
import vn.cungem.shared.security.Role;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 10: each import holds a connection beside its own for the work it runs alongside (the statement import's read
 * of the open pledges, the student import's matcher), on threads that were unbounded; a few imports at once could take
 * every connection of the pool and fail with "Connection is not available". Now those threads are fixed pools sized
 * with the connection pool: six statement imports of different campaigns and two student imports, all at once, end
 * as they would one by one.
 */
@IntegrationTest
class ImportsAtOnceIntegrationTests {

    private static final int STATEMENT_IMPORTS = 6;
    private static final int STUDENT_IMPORTS = 2;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BankStatements statements;

    @Autowired
    StudentImports imports;

    @Autowired
    MeterRegistry meters;

    private static byte[] statement(int lines, String prefix) {
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
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void statementAndStudentImportsOfSeveralCampaignsAtOnceAllEndWithoutRunningOutOfConnections() throws Exception {
        ImportTestData data = new ImportTestData(jdbc);
        long province = fixtures.unit("Tỉnh Cùng Lúc", "province", null);
        long commune = fixtures.unit("Xã Nhiều Tệp", "commune", province);
        long school = fixtures.school("Trường Tiểu học Nhiều Tệp", commune);
        String schoolCode = data.schoolCode(school);
        AccountDetails manager = fixtures.manager(province);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, commune, school, null);

        List<Callable<String>> work = new ArrayList<>();
        for (int i = 0; i < STATEMENT_IMPORTS; i++) {
            long campaign = data.campaign(province);
            String prefix = TestFixtures.unique("AT-ONCE-");
            work.add(() -> {
                BankStatements.ImportResult result =
                        statements.importStatement(campaign, "sao-ke.csv", statement(400, prefix), manager.caller());
                assertThat(result.counts().added()).isEqualTo(400);
                return "statement " + campaign;
            });
        }
        for (int i = 0; i < STUDENT_IMPORTS; i++) {
            long campaign = data.campaign(province);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < 300; r++) {
                rows.add(ImportTestData.row(
                        "Học Sinh " + StudentImportIntegrationTests.letters(r + 1000 * i),
                        "01/01/2013",
                        "Nam",
                        "",
                        schoolCode));
            }
            byte[] file = ImportTestData.xlsx(rows);
            work.add(() -> {
                ImportJob job = imports.upload(campaign, "cung-luc.xlsx", file, null, officer.caller());
                assertThat(job.status()).as("%s", job).isEqualTo(Status.PREVIEW);
                ImportJob committed = imports.commit(campaign, job.id(), officer.caller());
                assertThat(committed.status()).as("%s", committed).isEqualTo(Status.COMMITTED);
                assertThat(committed.inserted()).isEqualTo(300);
                return "students " + campaign;
            });
        }

        CyclicBarrier together = new CyclicBarrier(work.size());
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<String>> done = new ArrayList<>();
            for (Callable<String> each : work) {
                done.add(threads.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return each.call();
                }));
            }
            List<String> ended = new ArrayList<>();
            for (Future<String> each : done) {
                // A connection that is not available fails after Hikari's 30 s; every import here takes far less.
                ended.add(each.get(120, TimeUnit.SECONDS));
            }
            assertThat(ended).hasSize(STATEMENT_IMPORTS + STUDENT_IMPORTS);
            // Each phase is timed for the metrics too.
            assertThat(meters.find(ImportTimers.NAME)
                            .tags("import", "statement", "phase", "matchAndInsert")
                            .timer())
                    .isNotNull()
                    .satisfies(t -> assertThat(t.count()).isGreaterThanOrEqualTo(STATEMENT_IMPORTS));
            assertThat(meters.find(ImportTimers.NAME)
                            .tags("import", "student", "phase", "write")
                            .timer())
                    .isNotNull();
        } finally {
            threads.shutdownNow();
        }
    }
}
