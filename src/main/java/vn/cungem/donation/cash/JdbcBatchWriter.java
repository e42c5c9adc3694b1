package vn.cungem.donation.cash;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.cungem.shared.Money;

/** Portable batched inserts and one MERGE per thousand pledges: the writer for H2 (and any database without COPY). */
final class JdbcBatchWriter implements BulkWriter {

    static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;

    JdbcBatchWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public LineSink lines() {
        return new LineSink() {
            private final List<LineRow> batch = new ArrayList<>(BATCH);

            @Override
            public void add(LineRow row) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    flush();
                }
            }

            @Override
            public void finish() {
                flush();
            }

            private void flush() {
                if (!batch.isEmpty()) {
                    insert(batch);
                    batch.clear();
                }
            }
        };
    }

    private void insert(List<LineRow> rows) {
        jdbc.batchUpdate("""
                insert into bank_statement_line (campaign_id, import_id, fingerprint, booked_on, reference, debit_vnd,
                                                 credit_vnd, balance_vnd, description, description_folded, status,
                                                 pledge_id, match_method, matched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, BATCH, (ps, l) -> {
            ps.setLong(1, l.campaignId());
            ps.setLong(2, l.importId());
            ps.setString(3, l.fingerprint());
            ps.setDate(4, Date.valueOf(l.bookedOn()));
            ps.setString(5, l.reference());
            ps.setLong(6, l.debit().vnd());
            ps.setLong(7, l.credit().vnd());
            setLong(ps, 8, Money.vndOrNull(l.balance()));
            ps.setString(9, l.description());
            ps.setString(10, l.descriptionFolded());
            ps.setString(11, l.status());
            setLong(ps, 12, l.pledgeId());
            ps.setString(13, l.matchMethod());
            ps.setTimestamp(14, l.matchedAt() == null ? null : Timestamp.from(l.matchedAt()));
        });
    }

    @Override
    public void updatePledges(List<PledgeUpdate> updates) {
        for (int from = 0; from < updates.size(); from += BATCH) {
            merge(updates.subList(from, Math.min(updates.size(), from + BATCH)));
        }
    }

    private void merge(List<PledgeUpdate> updates) {
        // One standard MERGE per thousand pledges (H2 and PostgreSQL 15 both have it) instead of a thousand updates.
        StringBuilder sql = new StringBuilder("merge into pledge p using (values ");
        List<Object> params = new ArrayList<>(updates.size() * 3);
        for (int i = 0; i < updates.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(cast(? as bigint), cast(? as varchar(20)), cast(? as bigint))");
            params.add(updates.get(i).id());
            params.add(updates.get(i).status());
            params.add(updates.get(i).cashReceived().vnd());
        }
        sql.append(") as v (id, status, cash) on p.id = v.id when matched then update set status = v.status,"
                + " cash_received_vnd = v.cash, updated_at = current_timestamp, version = p.version + 1");
        jdbc.update(sql.toString(), params.toArray());
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
