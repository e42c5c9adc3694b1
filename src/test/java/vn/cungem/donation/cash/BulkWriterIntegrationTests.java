package vn.cungem.donation.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.donation.cash.BulkWriter.LineRow;
import vn.cungem.donation.cash.BulkWriter.PledgeUpdate;
import vn.cungem.shared.Money;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The writer the database gets (COPY on PostgreSQL, batched inserts on H2) writes exactly the rows the portable batched
 * writer writes for the same input, including texts that CSV must quote. On H2 both are the batched writer; run the
 * suite with {@code CUNGEM_TEST_DB_URL} set to compare COPY against it.
 */
@IntegrationTest
class BulkWriterIntegrationTests {

    /** Enough rows for several COPY chunks ({@link PostgresCopyWriter#FLUSH_CHARS}) and several H2 batches. */
    private static final int ROWS = 2_500;

    private static final String[] AWKWARD = {
        "",
        "a,b",
        "say \"xin chào\"",
        "line\nbreak",
        "cr\r\nlf",
        "\\N",
        "NULL",
        " spaces ",
        "Nguyễn Thị Đào ✓",
        "\"",
        ",",
        "tab\there",
        "'"
    };

    @Autowired
    TestFixtures fixtures;

    @Autowired
    BulkWriter writer;

    @Autowired
    JdbcTemplate template;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theDatabasesWriterUsesCopyExactlyWhenTheDatabaseIsPostgresql() {
        assertThat(writer instanceof PostgresCopyWriter)
                .isEqualTo(vn.cungem.shared.jdbc.PostgresCopy.isPostgres(dataSource));
    }

    @Test
    void bothWritersWriteIdenticalLinesAndPledgeUpdates() {
        long unit = fixtures.unit(TestFixtures.unique("Đơn vị"), "province", null);
        CashTestData data = new CashTestData(jdbc);
        long fastCampaign = data.campaign(unit);
        long portableCampaign = data.campaign(unit);
        List<CashTestData.Pledge> fastPledges = new ArrayList<>();
        List<CashTestData.Pledge> portablePledges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fastPledges.add(data.pledge(fastCampaign, "Người " + i, 100_000L));
            portablePledges.add(data.pledge(portableCampaign, "Người " + i, 100_000L));
        }

        write(writer, fastCampaign, fastPledges);
        write(new JdbcBatchWriter(template), portableCampaign, portablePledges);

        List<Map<String, Object>> fastLines = lines(fastCampaign);
        assertThat(fastLines).hasSize(ROWS).isEqualTo(lines(portableCampaign));
        assertThat(pledges(fastPledges)).isEqualTo(pledges(portablePledges));
        assertThat(pledges(fastPledges))
                .first()
                .extracting(m -> m.get("status"))
                .isEqualTo("PARTLY_RECEIVED");
    }

    @Test
    void aLineTheDatabaseRefusesFailsTheWholeWriteAndTheConnectionStaysUsable() {
        long unit = fixtures.unit(TestFixtures.unique("Đơn vị"), "province", null);
        long campaignId = new CashTestData(jdbc).campaign(unit);
        LineRow twice = new LineRow(
                campaignId,
                0L,
                "same-fingerprint",
                LocalDate.of(2021, 9, 1),
                null,
                Money.ZERO,
                Money.vnd(500_000),
                null,
                "ung ho",
                "ung ho",
                "UNMATCHED",
                null,
                null,
                null);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    long importId = importRow(campaignId);
                    LineRow row = new LineRow(
                            campaignId,
                            importId,
                            twice.fingerprint(),
                            twice.bookedOn(),
                            null,
                            Money.ZERO,
                            Money.vnd(500_000),
                            null,
                            "ung ho",
                            "ung ho",
                            "UNMATCHED",
                            null,
                            null,
                            null);
                    try (BulkWriter.LineSink sink = writer.lines()) {
                        for (int i = 0; i < ROWS; i++) {
                            sink.add(new LineRow(
                                    campaignId,
                                    importId,
                                    "fp-" + i,
                                    row.bookedOn(),
                                    null,
                                    Money.ZERO,
                                    Money.vnd(1_000L + i),
                                    null,
                                    "dong " + i,
                                    "dong " + i,
                                    "UNMATCHED",
                                    null,
                                    null,
                                    null));
                        }
                        sink.add(row);
                        sink.add(row);
                        sink.finish();
                    }
                }))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.sql("select count(*) from bank_statement_line where campaign_id = ?")
                        .param(campaignId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void write(BulkWriter w, long campaignId, List<CashTestData.Pledge> pledges) {
        Random random = new Random(42);
        Instant at = Instant.parse("2021-09-05T03:04:05.123456Z");
        tx.executeWithoutResult(status -> {
            long importId = importRow(campaignId);
            List<LineRow> rows = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                String text =
                        AWKWARD[random.nextInt(AWKWARD.length)] + " chuyển khoản ủng hộ chương trình ".repeat(3) + i;
                boolean matched = i % 3 == 0;
                rows.add(new LineRow(
                        campaignId,
                        importId,
                        "fp-" + i,
                        LocalDate.of(2021, 9, 1).plusDays(i % 30),
                        i % 4 == 0 ? null : AWKWARD[i % AWKWARD.length],
                        Money.vnd(i % 5 == 0 ? 1_100L * i : 0),
                        Money.vnd(i % 5 == 0 ? 0 : 1_000L * i + 1),
                        i % 2 == 0 ? null : Money.vnd(-5_000_000_000L + i),
                        text,
                        text.toLowerCase(),
                        matched ? "MATCHED" : "UNMATCHED",
                        matched ? pledges.get(i % pledges.size()).id() : null,
                        matched ? "CODE" : null,
                        matched ? at : null));
            }
            w.insertLines(rows);
            List<PledgeUpdate> updates = new ArrayList<>();
            for (int i = 0; i < pledges.size(); i++) {
                updates.add(new PledgeUpdate(
                        pledges.get(i).id(), i % 2 == 0 ? "PARTLY_RECEIVED" : "RECEIVED", Money.vnd(1_000L * i)));
            }
            w.updatePledges(updates);
            // A second call in the same transaction (the temporary table already exists on PostgreSQL).
            w.updatePledges(updates.subList(0, 1));
        });
    }

    private long importRow(long campaignId) {
        String name = TestFixtures.unique("bulk");
        jdbc.sql("""
                        insert into bank_statement_import (campaign_id, file_name, file_sha256, lines_in_file,
                                                           lines_added, lines_already_known, imported_by_name,
                                                           imported_at)
                        values (?, ?, ?, 2500, 2500, 0, 'Hệ thống', ?)""")
                .params(campaignId, name, "0".repeat(64), OffsetDateTime.now())
                .update();
        return jdbc.sql("select id from bank_statement_import where file_name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private List<Map<String, Object>> lines(long campaignId) {
        return jdbc.sql("""
                        select fingerprint, booked_on, reference, debit_vnd, credit_vnd, balance_vnd, description,
                               description_folded, status, match_method, matched_at,
                               (select count(*) from pledge p where p.id = l.pledge_id) as has_pledge
                          from bank_statement_line l where campaign_id = ? order by fingerprint""")
                .param(campaignId)
                .query((rs, n) -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c).toLowerCase(), rs.getObject(c));
                    }
                    OffsetDateTime matchedAt = rs.getObject("matched_at", OffsetDateTime.class);
                    row.put(
                            "matched_at",
                            matchedAt == null ? null : matchedAt.toInstant().truncatedTo(ChronoUnit.MICROS));
                    return row;
                })
                .list();
    }

    private List<Map<String, Object>> pledges(List<CashTestData.Pledge> pledges) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CashTestData.Pledge p : pledges) {
            out.add(jdbc.sql("select status, cash_received_vnd, version from pledge where id = ?")
                    .param(p.id())
                    .query((rs, n) -> Map.<String, Object>of(
                            "status", rs.getString(1), "cash", rs.getLong(2), "version", rs.getInt(3)))
                    .single());
        }
        return out;
    }
}
