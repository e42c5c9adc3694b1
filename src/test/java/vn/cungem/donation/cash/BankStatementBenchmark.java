package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.TrackingCode;
import vn.cungem.donation.cash.BankStatements.ImportResult;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.CpuClock;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Reconciles a 100,000-line statement against a campaign with 60,000 pledges and prints the time of each phase: first
 * cold (the JVM's first import), then warm (after a smaller import elsewhere, on a fresh campaign of the same size),
 * then the same file again (every line already known). Not a timed assertion: run it on purpose,
 *
 * <pre>CUNGEM_TEST_DB_URL='jdbc:postgresql://127.0.0.1:5432/cungem_bench_cash?reWriteBatchedInserts=true' \
 * CUNGEM_TEST_DB_USER=postgres ./mvnw -q -o test -Dtest=BankStatementBenchmark -Dbench=true</pre>
 *
 * See docs/benchmarks.md, "Bank statement reconciliation".
 */
@IntegrationTest
class BankStatementBenchmark {

    private static final int PLEDGES = 60_000;
    private static final int LINES = 100_000;
    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"
    };
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Quốc", "Thu", "Gia"};
    private static final String[] GIVEN = {
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Huy", "Khánh", "Lan",
        "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Nhung", "Phúc", "Phương", "Quân", "Quang", "Sơn", "Tâm", "Thảo",
        "Thắng", "Trang", "Trung", "Tuấn", "Tú", "Uyên", "Vân", "Việt", "Vinh", "Xuân", "Yến", "Đạt"
    };

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate batch;

    @Autowired
    BankStatements statements;

    @Autowired
    DataSource dataSource;

    /** A campaign with its pledges and a statement that pays some of them, ready to import. */
    private record Scenario(long campaign, byte[] statement) {}

    @Test
    void reconcilesAHundredThousandLines() {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        long unit = fixtures.unit("Thành phố Thử Tải", "province", null);
        Scenario main = scenario(unit, PLEDGES, LINES, new Random(20210901L));
        Scenario warmUp = scenario(unit, PLEDGES / 5, LINES / 5, new Random(20210902L));

        // Cold: the first import this JVM runs, so the JIT compiles the import's code while it runs (a node that has
        // just started). Reported, then the warm-up statement is imported and the main one timed again on a fresh
        // campaign of the same size, as on a node that has served for a while.
        floor("cold", main.statement());
        ImportResult cold = timed("cold", main);
        assertThat(cold.counts().added()).isEqualTo(LINES);
        timed("warm-up (20,000 lines, other campaign)", warmUp);
        Scenario again = scenario(unit, PLEDGES, LINES, new Random(20210901L));
        floor("warm", again.statement());
        ImportResult warm = timed("warm", again);
        assertThat(warm.counts().added()).isEqualTo(LINES);

        long started = System.nanoTime();
        CpuClock cpu = CpuClock.now(jdbc);
        ImportResult repeat =
                statements.importStatement(again.campaign(), "bench.csv", again.statement(), Caller.SYSTEM);
        System.out.printf(
                "import of the same file again: %,d already known, %,d added; phases (ms): %s; total %,d ms; %s%n",
                repeat.counts().alreadyKnown(),
                repeat.counts().added(),
                repeat.timingsMs(),
                (System.nanoTime() - started) / 1_000_000,
                CpuClock.now(jdbc).since(cpu));
        assertThat(repeat.counts().added()).isZero();
    }

    /**
     * The bare floor, in the same run: Commons CSV's parse of the same file (cells as text, nothing else) and, on
     * PostgreSQL, a COPY of those raw cells into a table without indexes or keys. What an import cannot beat.
     */
    private void floor(String label, byte[] csv) {
        System.gc();
        long started = System.nanoTime();
        StringBuilder raw = new StringBuilder(csv.length * 2);
        int rows = 0;
        try (CSVParser parser =
                CSVFormat.DEFAULT.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                rows++;
                for (int c = 0; c < 6; c++) {
                    String v = c < record.size() ? record.get(c) : "";
                    raw.append(c == 0 ? "" : "\t").append(v.replace('\t', ' ').replace('\\', '/'));
                }
                raw.append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long parseMs = (System.nanoTime() - started) / 1_000_000;
        long copyMs = -1;
        try (Connection con = dataSource.getConnection()) {
            if (con.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                con.createStatement().execute("drop table if exists bench_raw_statement");
                con.createStatement()
                        .execute("create table bench_raw_statement (c1 text, c2 text, c3 text, c4 text, c5 text,"
                                + " c6 text)");
                long c = System.nanoTime();
                con.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy bench_raw_statement from stdin", new StringReader(raw.toString()));
                copyMs = (System.nanoTime() - c) / 1_000_000;
            }
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf(
                "floor %s: parse %,d rows %,d ms + COPY raw %,d ms = %,d ms%n",
                label, rows, parseMs, copyMs, parseMs + Math.max(0, copyMs));
    }

    private ImportResult timed(String label, Scenario scenario) {
        long started = System.nanoTime();
        CpuClock cpu = CpuClock.now(jdbc);
        ImportResult result =
                statements.importStatement(scenario.campaign(), "bench.csv", scenario.statement(), Caller.SYSTEM);
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "import %s: %,d lines, %,d added, by code %,d, by amount+name %,d, fees %,d, unmatched %,d%n",
                label,
                result.counts().linesInFile(),
                result.counts().added(),
                result.counts().matchedByCode(),
                result.counts().matchedByAmountAndName(),
                result.counts().bankFeesPosted(),
                result.counts().unmatched());
        System.out.printf(
                "import %s phases (ms): %s; total %,d ms; %s%n",
                label, result.timingsMs(), ms, CpuClock.now(jdbc).since(cpu));
        return result;
    }

    private Scenario scenario(long unit, int pledgeCount, int lineCount, Random random) {
        long campaign = new CashTestData(jdbc).campaign(unit);
        long t = System.nanoTime();
        String[] codes = new String[pledgeCount];
        String[] names = new String[pledgeCount];
        long[] amounts = new long[pledgeCount];
        List<Object[]> donors = new ArrayList<>();
        String marker = TestFixtures.unique("bench");
        Timestamp now = Timestamp.from(Instant.now());
        // Codes are random; the database may already hold pledges from earlier scenarios or runs.
        java.util.Set<String> unique = new java.util.HashSet<>(
                jdbc.sql("select code from pledge").query(String.class).list());
        for (int i = 0; i < pledgeCount; i++) {
            names[i] = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                    + GIVEN[random.nextInt(GIVEN.length)];
            do {
                codes[i] = TrackingCode.generate(TrackingCode.PLEDGE).value();
            } while (!unique.add(codes[i]));
            amounts[i] = (50 + random.nextInt(4_950)) * 1_000L;
            donors.add(new Object[] {names[i], VietnameseText.fold(names[i]), marker + "-" + i, now, now});
        }
        batch.batchUpdate(
                "insert into donor (kind, name, name_folded, email, named_publicly, anonymous, created_at, updated_at)"
                        + " values ('INDIVIDUAL', ?, ?, ?, true, false, ?, ?)",
                donors);
        List<Long> donorIds = jdbc.sql("select id from donor where email like ? order by id")
                .param(marker + "-%")
                .query(Long.class)
                .list();
        List<Object[]> pledges = new ArrayList<>();
        for (int i = 0; i < pledgeCount; i++) {
            pledges.add(new Object[] {codes[i], campaign, donorIds.get(i), amounts[i], now, now});
        }
        batch.batchUpdate(
                "insert into pledge (code, campaign_id, donor_id, cash_amount_vnd, status, wants_certificate,"
                        + " created_at, updated_at) values (?, ?, ?, ?, 'PLEDGED', false, ?, ?)",
                pledges);
        System.out.printf("setup: %,d pledges in %,d ms%n", pledgeCount, (System.nanoTime() - t) / 1_000_000);

        // 70% carry a pledge code, 10% only the donor's name and exact amount, 15% neither, 5% money out.
        StringBuilder csv = new StringBuilder(lineCount * 90);
        csv.append("NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM\nSao kê tài khoản 0071000123456\n");
        csv.append("Ngày giao dịch;Số bút toán;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung\n");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        LocalDate start = LocalDate.of(2021, 9, 1);
        int nameOnly = 0;
        for (int i = 0; i < lineCount; i++) {
            String date = start.plusDays(i * 120L / lineCount).format(format);
            int kind = random.nextInt(100);
            String debit = "";
            String credit;
            String description;
            if (kind < 70) {
                int p = random.nextInt(pledgeCount);
                credit = group((10 + random.nextInt(490)) * 1_000L);
                description = "MBVCB." + (9_000_000 + i) + " " + codes[p] + " ung ho chuong trinh";
            } else if (kind < 80) {
                int p = pledgeCount - 1 - nameOnly++ % pledgeCount;
                credit = group(amounts[p]);
                description = VietnameseText.fold(names[p]).toUpperCase() + " chuyen tien ung ho hoc sinh";
            } else if (kind < 95) {
                credit = group((10 + random.nextInt(990)) * 1_000L);
                description = "Chuyen tien ung ho " + i;
            } else {
                credit = "";
                debit = group((1 + random.nextInt(50)) * 1_100L);
                description = kind < 98 ? "Phí SMS Banking " + i : "Chuyen tien mua thiet bi " + i;
            }
            csv.append(date)
                    .append(";FT")
                    .append(21_000_000 + i)
                    .append(';')
                    .append(debit)
                    .append(';')
                    .append(credit)
                    .append(";;")
                    .append(description)
                    .append('\n');
        }
        return new Scenario(campaign, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String group(long amount) {
        return String.format("%,d", amount).replace(',', '.');
    }
}
