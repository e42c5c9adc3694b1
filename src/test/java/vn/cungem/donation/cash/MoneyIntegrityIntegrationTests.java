package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The database itself keeps the money tables honest (V98, V99), whatever statement reaches it through the
 * application's own connection pool: the ledger is append-only, a statement line keeps what the bank wrote, every
 * reference resolves, and coded columns hold only the codes the application knows.
 */
@IntegrationTest
class MoneyIntegrityIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    BankStatements statements;

    @Autowired
    ManualMatching manual;

    long campaign;
    CashTestData.Pledge pledge;
    long importId;
    long matchedLine;
    long unmatchedLine;
    long entry;

    @BeforeEach
    void setUp() {
        CashTestData data = new CashTestData(jdbc);
        campaign = data.campaign(fixtures.unit("Tỉnh Toàn Vẹn", "province", null));
        pledge = data.pledge(campaign, "Phạm Thị Thu", 500_000L);
        String csv = "Date,Reference,Debit,Credit,Balance,Description\n"
                + "2021-09-01,R1,,500000,,Ung ho " + pledge.code() + "\n"
                + "2021-09-02,R2,,120000,,Ung ho khong ghi ma\n";
        importId = statements
                .importStatement(campaign, "s.csv", csv.getBytes(StandardCharsets.UTF_8), Caller.SYSTEM)
                .counts()
                .importId();
        matchedLine = line("R1");
        unmatchedLine = line("R2");
        entry = jdbc.sql("select id from ledger_entry where bank_line_id = ?")
                .param(matchedLine)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void ledgerReferencesResolve() {
        new CashTestData(jdbc).assertLedgerReferencesResolve(campaign);
    }

    private long line(String reference) {
        return jdbc.sql("select id from bank_statement_line where campaign_id = ? and reference = ?")
                .params(campaign, reference)
                .query(Long.class)
                .single();
    }

    private void refused(String sql, Object... params) {
        assertThatThrownBy(() -> jdbc.sql(sql).params(params).update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void aLedgerEntryIsNeverUpdatedNorDeleted() {
        refused("update ledger_entry set amount_vnd = 1 where id = ?", entry);
        refused("update ledger_entry set description = 'sửa' where campaign_id = ?", campaign);
        refused("delete from ledger_entry where id = ?", entry);

        assertThat(jdbc.sql("select amount_vnd, description from ledger_entry where id = ?")
                        .param(entry)
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
                        .single())
                .isEqualTo("500000 Ung ho " + pledge.code());
    }

    @Test
    void aStatementLineKeepsWhatTheBankWroteAndIsNeverDeleted() {
        refused("update bank_statement_line set credit_vnd = 1 where id = ?", unmatchedLine);
        refused(
                "update bank_statement_line set description = 'khác', booked_on = ? where id = ?",
                LocalDate.of(2021, 9, 3),
                unmatchedLine);
        refused("update bank_statement_line set import_id = import_id, reference = 'X' where id = ?", unmatchedLine);
        refused("delete from bank_statement_line where id = ?", unmatchedLine);

        assertThat(jdbc.sql("select credit_vnd, description, reference from bank_statement_line where id = ?")
                        .param(unmatchedLine)
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .single())
                .isEqualTo("120000 Ung ho khong ghi ma R2");
    }

    @Test
    void reconciliationSetsALineOnceAndAHandledLineIsFinal() {
        // What the application updates by design: the outcome of an unmatched line, once.
        manual.ignore(campaign, unmatchedLine, "Chuyển giữa hai tài khoản của chương trình", Caller.SYSTEM);
        assertThat(jdbc.sql("select status from bank_statement_line where id = ?")
                        .param(unmatchedLine)
                        .query(String.class)
                        .single())
                .isEqualTo("IGNORED");

        refused(
                "update bank_statement_line set status = 'UNMATCHED', ignored_reason = null where id = ?",
                unmatchedLine);
        refused(
                "update bank_statement_line set status = 'IGNORED', pledge_id = null, match_method = null"
                        + " where id = ?",
                matchedLine);
    }

    @Test
    void everyReferenceOfTheLedgerAndOfALineMustResolve() {
        Map<String, Object[]> broken = Map.of(
                "fk_ledger_entry_campaign_id", entry(-1L, "CREDIT", "DONATION", null, null, null, null),
                "fk_ledger_entry_pledge_id", entry(campaign, "CREDIT", "DONATION", -1L, null, null, null),
                "fk_ledger_entry_bank_line_id", entry(campaign, "CREDIT", "DONATION", null, -1L, null, null),
                "fk_ledger_entry_purchase_id", entry(campaign, "DEBIT", "PURCHASE", null, null, -1L, null),
                "fk_ledger_entry_corrects_entry_id", entry(campaign, "DEBIT", "CORRECTION", null, null, null, -1L));
        broken.forEach((constraint, params) -> assertThatThrownBy(() ->
                        jdbc.sql(LedgerPosting.INSERT_ENTRY).params(params).update())
                .as(constraint)
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining(constraint));

        assertThatThrownBy(() -> insertLine("MATCHED", -1L))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("fk_bank_statement_line_pledge_id");
        // The same rows with real references go in.
        jdbc.sql(LedgerPosting.INSERT_ENTRY)
                .params(entry(campaign, "DEBIT", "CORRECTION", null, null, null, entry))
                .update();
        insertLine("MATCHED", pledge.id());
    }

    @Test
    void codedColumnsHoldOnlyKnownCodes() {
        Map<String, Object[]> bad = Map.of(
                "ck_ledger_entry_direction", entry(campaign, "SIDEWAYS", "DONATION", null, null, null, null),
                "ck_ledger_entry_reason", entry(campaign, "CREDIT", "GIFT", null, null, null, null),
                "ck_ledger_entry_reason_direction", entry(campaign, "DEBIT", "DONATION", null, null, null, null),
                "ck_ledger_entry_correction", entry(campaign, "CREDIT", "DONATION", null, null, null, entry));
        bad.forEach((constraint, params) -> assertThatThrownBy(() ->
                        jdbc.sql(LedgerPosting.INSERT_ENTRY).params(params).update())
                .as(constraint)
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining(constraint));
        assertThatThrownBy(() -> insertLine("DONE", null))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_bank_statement_line_status");
        assertThatThrownBy(() -> insertLine("UNMATCHED", pledge.id()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_bank_statement_line_pledge_matched");
        assertThatThrownBy(() -> jdbc.sql("update pledge set status = 'LOST' where id = ?")
                        .param(pledge.id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_pledge_status");
    }

    /** PostgreSQL only: H2 fires no trigger on TRUNCATE (it refuses to truncate a table that keys point at). */
    @Test
    void truncateIsRefusedOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
        }
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        for (String table : new String[] {"ledger_entry", "bank_statement_line"}) {
            // In a transaction rolled back whatever happens: TRUNCATE is transactional on PostgreSQL.
            assertThatThrownBy(() -> rollback.executeWithoutResult(status -> {
                        status.setRollbackOnly();
                        jdbc.sql("truncate table " + table + " cascade").update();
                    }))
                    .as(table)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
    }

    private Object[] entry(
            long campaignId,
            String direction,
            String reason,
            Long pledgeId,
            Long bankLineId,
            Long purchaseId,
            Long correctsEntryId) {
        return new Object[] {
            campaignId,
            LocalDate.of(2021, 9, 5),
            direction,
            1_000L,
            reason,
            "Kiểm tra ràng buộc",
            pledgeId,
            bankLineId,
            purchaseId,
            correctsEntryId,
            null,
            "Kiểm thử"
        };
    }

    private void insertLine(String status, Long pledgeId) {
        jdbc.sql("""
                        insert into bank_statement_line (campaign_id, import_id, fingerprint, booked_on, reference,
                                                         debit_vnd, credit_vnd, description, description_folded,
                                                         status, pledge_id, match_method)
                        values (?, ?, ?, ?, 'R9', 0, 1000, 'kiem tra', 'kiem tra', ?, ?, ?)""")
                .params(
                        campaign,
                        importId,
                        TestFixtures.unique("fp"),
                        LocalDate.of(2021, 9, 5),
                        status,
                        pledgeId,
                        "MATCHED".equals(status) ? "MANUAL" : null)
                .update();
    }
}
