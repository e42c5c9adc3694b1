package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.audit.integrity.IntegrityRun;
import vn.cungem.audit.integrity.IntegrityRuns;
import vn.cungem.shared.integrity.IntegrityFinding;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The nightly money checks find what the keys and triggers cannot forbid: a matched statement line that never reached
 * the ledger, and so a ledger that no longer adds up to the statements. The data is written with plain SQL, the way a
 * hand fix in psql would; the tests share one database, so they look only at findings that name their own campaign.
 */
@IntegrationTest
class MoneyIntegrityChecksIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    IntegrityRuns runs;

    long campaign;
    String code;
    long importId;
    CashTestData.Pledge pledge;

    @BeforeEach
    void setUp() {
        CashTestData data = new CashTestData(jdbc);
        campaign = data.campaign(fixtures.unit("Tỉnh Đối Chiếu", "province", null));
        code = jdbc.sql("select code from campaign where id = ?")
                .param(campaign)
                .query(String.class)
                .single();
        pledge = data.pledge(campaign, "Lê Văn Tám", 500_000L);
        jdbc.sql("""
                        insert into bank_statement_import (campaign_id, file_name, file_sha256, lines_in_file,
                                                           lines_added, lines_already_known, imported_by_name,
                                                           imported_at)
                        values (?, 'sao-ke.csv', ?, 2, 2, 0, 'Kế toán', ?)""")
                .params(campaign, TestFixtures.unique("sha"), OffsetDateTime.now())
                .update();
        importId = jdbc.sql("select max(id) from bank_statement_import where campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        long line = line("R1", 500_000, "MATCHED", pledge.id());
        jdbc.sql("""
                        insert into ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description,
                                                  pledge_id, bank_line_id, recorded_by_name, created_at)
                        values (?, ?, 'CREDIT', 500000, 'DONATION', 'Ung ho', ?, ?, 'Kế toán', ?)""")
                .params(campaign, LocalDate.of(2021, 9, 1), pledge.id(), line, OffsetDateTime.now())
                .update();
    }

    private long line(String reference, long credit, String status, Long pledgeId) {
        jdbc.sql("""
                        insert into bank_statement_line (campaign_id, import_id, fingerprint, booked_on, reference,
                                                         debit_vnd, credit_vnd, description, description_folded,
                                                         status, pledge_id, match_method, matched_at)
                        values (?, ?, ?, ?, ?, 0, ?, 'Ung ho', 'ung ho', ?, ?, ?, ?)""")
                .params(
                        campaign,
                        importId,
                        TestFixtures.unique("fp"),
                        LocalDate.of(2021, 9, 1),
                        reference,
                        credit,
                        status,
                        pledgeId,
                        pledgeId == null ? null : "MANUAL",
                        pledgeId == null ? null : OffsetDateTime.now())
                .update();
        return jdbc.sql("select id from bank_statement_line where campaign_id = ? and reference = ?")
                .params(campaign, reference)
                .query(Long.class)
                .single();
    }

    @Test
    void aLedgerThatAgreesWithItsStatementsHasNoFinding() {
        IntegrityRun run = runs.runAll(IntegrityRun.Trigger.MANUAL, "Kiểm thử");

        assertThat(findingsAboutThisCampaign(run)).isEmpty();
        assertThat(result(run, "donation.references").outcome()).isEqualTo(IntegrityRun.Outcome.PASSED);
        // The triggers of V99 are found in the catalogue on H2 and on PostgreSQL alike.
        assertThat(result(run, "donation.append-only-guards").outcome()).isEqualTo(IntegrityRun.Outcome.PASSED);
    }

    @Test
    void aMatchedLineMissingFromTheLedgerIsFoundTwiceAndStored() {
        long missing = line("R2", 200_000, "MATCHED", pledge.id());

        IntegrityRun run = runs.runAll(IntegrityRun.Trigger.MANUAL, "Kiểm thử");

        assertThat(run.outcome()).isIn(IntegrityRun.Outcome.FAILED, IntegrityRun.Outcome.ERROR);
        assertThat(result(run, "donation.ledger-matches-statements").sample())
                .contains(new IntegrityFinding(
                        "integrity.donation.ledger-differs", List.of(code, "700.000 ₫", "500.000 ₫")));
        assertThat(result(run, "donation.matched-lines-posted").sample())
                .contains(new IntegrityFinding(
                        "integrity.donation.line-not-posted", List.of(code, String.valueOf(missing))));
        IntegrityRun stored = runs.latest().orElseThrow();
        assertThat(stored.id()).isEqualTo(run.id());
        assertThat(result(stored, "donation.matched-lines-posted").sample())
                .contains(new IntegrityFinding(
                        "integrity.donation.line-not-posted", List.of(code, String.valueOf(missing))));
    }

    @Test
    void anUnmatchedLineNeedsNoEntry() {
        line("R3", 120_000, "UNMATCHED", null);

        assertThat(findingsAboutThisCampaign(runs.runAll(IntegrityRun.Trigger.MANUAL, "Kiểm thử")))
                .isEmpty();
    }

    private List<IntegrityFinding> findingsAboutThisCampaign(IntegrityRun run) {
        return run.results().stream()
                .flatMap(r -> r.sample().stream())
                .filter(f -> f.arguments().contains(code))
                .toList();
    }

    private static IntegrityRun.CheckResult result(IntegrityRun run, String check) {
        return run.results().stream()
                .filter(r -> r.code().equals(check))
                .findFirst()
                .orElseThrow();
    }
}
