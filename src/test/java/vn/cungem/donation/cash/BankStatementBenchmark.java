package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.TrackingCode;
import vn.cungem.donation.cash.BankStatements.ImportResult;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Reconciles a 100,000-line statement against a campaign with 60,000 pledges and prints the time of each phase, then
 * the time of importing the same file again (every line already known). Not a timed assertion: run it on purpose,
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

    @Test
    void reconcilesAHundredThousandLines() {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        Random random = new Random(20210901L);
        long unit = fixtures.unit("Thành phố Thử Tải", "province", null);
        long campaign = new CashTestData(jdbc).campaign(unit);

        long t = System.nanoTime();
        String[] codes = new String[PLEDGES];
        String[] names = new String[PLEDGES];
        long[] amounts = new long[PLEDGES];
        List<Object[]> donors = new ArrayList<>();
        String marker = TestFixtures.unique("bench");
        Timestamp now = Timestamp.from(Instant.now());
        // Codes are random; a database kept from an earlier run already holds 60,000 of them.
        java.util.Set<String> unique = new java.util.HashSet<>(
                jdbc.sql("select code from pledge").query(String.class).list());
        for (int i = 0; i < PLEDGES; i++) {
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
        for (int i = 0; i < PLEDGES; i++) {
            pledges.add(new Object[] {codes[i], campaign, donorIds.get(i), amounts[i], now, now});
        }
        batch.batchUpdate(
                "insert into pledge (code, campaign_id, donor_id, cash_amount_vnd, status, wants_certificate,"
                        + " created_at, updated_at) values (?, ?, ?, ?, 'PLEDGED', false, ?, ?)",
                pledges);
        System.out.printf("setup: %,d pledges in %,d ms%n", PLEDGES, (System.nanoTime() - t) / 1_000_000);

        // 70% carry a pledge code, 10% only the donor's name and exact amount, 15% neither, 5% money out.
        StringBuilder csv = new StringBuilder(LINES * 90);
        csv.append("NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM\nSao kê tài khoản 0071000123456\n");
        csv.append("Ngày giao dịch;Số bút toán;Số tiền ghi nợ;Số tiền ghi có;Số dư;Nội dung\n");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        LocalDate start = LocalDate.of(2021, 9, 1);
        int nameOnly = 0;
        for (int i = 0; i < LINES; i++) {
            String date = start.plusDays(i * 120L / LINES).format(format);
            int kind = random.nextInt(100);
            String debit = "";
            String credit;
            String description;
            if (kind < 70) {
                int p = random.nextInt(PLEDGES);
                credit = group((10 + random.nextInt(490)) * 1_000L);
                description = "MBVCB." + (9_000_000 + i) + " " + codes[p] + " ung ho chuong trinh";
            } else if (kind < 80) {
                int p = PLEDGES - 1 - nameOnly++ % PLEDGES;
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
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        ImportResult first = statements.importStatement(campaign, "bench.csv", file, Caller.SYSTEM);
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "import 1: %,d lines, %,d added, by code %,d, by amount+name %,d, fees %,d, unmatched %,d%n",
                first.linesInFile(),
                first.added(),
                first.matchedByCode(),
                first.matchedByAmountAndName(),
                first.bankFeesPosted(),
                first.unmatched());
        System.out.printf("import 1 phases (ms): %s; total %,d ms%n", first.timingsMs(), firstMs);

        started = System.nanoTime();
        ImportResult again = statements.importStatement(campaign, "bench.csv", file, Caller.SYSTEM);
        long againMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "import 2 (same file): %,d already known, %,d added; phases (ms): %s; total %,d ms%n",
                again.alreadyKnown(), again.added(), again.timingsMs(), againMs);
        assertThat(again.added()).isZero();
        assertThat(first.added()).isEqualTo(LINES);
    }

    private static String group(long amount) {
        return String.format("%,d", amount).replace(',', '.');
    }
}
