package vn.cungem.donation.cash;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@code COPY ... FROM STDIN} (CSV) through the driver's {@code CopyManager}, on the connection of the current Spring
 * transaction, so a failed import still leaves nothing written. Ids come from the identity columns as with inserts.
 */
final class PostgresCopyWriter implements BulkWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS'+00'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    PostgresCopyWriter(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public void insertLines(List<LineRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        for (LineRow l : rows) {
            Csv row = new Csv(csv);
            row.value(l.campaignId())
                    .value(l.importId())
                    .text(l.fingerprint())
                    .text(l.bookedOn().toString())
                    .text(l.reference())
                    .value(l.debit())
                    .value(l.credit())
                    .value(l.balance())
                    .text(l.description())
                    .text(l.descriptionFolded())
                    .text(l.status())
                    .value(l.pledgeId())
                    .text(l.matchMethod())
                    .text(timestamp(l.matchedAt()))
                    .end();
        }
        copy("""
                copy bank_statement_line (campaign_id, import_id, fingerprint, booked_on, reference, debit_vnd,
                                          credit_vnd, balance_vnd, description, description_folded, status,
                                          pledge_id, match_method, matched_at)
                from stdin with (format csv)""", csv);
    }

    @Override
    public void insertEntries(List<EntryRow> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 160);
        for (EntryRow e : rows) {
            new Csv(csv)
                    .value(e.campaignId())
                    .text(e.bookedOn().toString())
                    .text(e.direction())
                    .value(e.amount())
                    .text(e.reason())
                    .text(e.description())
                    .value(e.pledgeId())
                    .value(e.bankLineId())
                    .value(e.recordedByAccountId())
                    .text(e.recordedByName())
                    .text(timestamp(e.createdAt()))
                    .end();
        }
        copy("""
                copy ledger_entry (campaign_id, booked_on, direction, amount_vnd, reason, description, pledge_id,
                                   bank_line_id, recorded_by_account_id, recorded_by_name, created_at)
                from stdin with (format csv)""", csv);
    }

    @Override
    public void updatePledges(List<PledgeUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        // Dropped at commit; emptied first in case one transaction imports twice.
        jdbc.execute("create temporary table if not exists pledge_cash_update"
                + " (id bigint primary key, status varchar(20) not null, cash bigint not null) on commit drop");
        jdbc.execute("delete from pledge_cash_update");
        StringBuilder csv = new StringBuilder(updates.size() * 32);
        for (PledgeUpdate u : updates) {
            new Csv(csv).value(u.id()).text(u.status()).value(u.cashReceived()).end();
        }
        copy("copy pledge_cash_update (id, status, cash) from stdin with (format csv)", csv);
        jdbc.execute("analyze pledge_cash_update");
        jdbc.update("""
                update pledge p set status = t.status, cash_received_vnd = t.cash, updated_at = current_timestamp,
                                    version = p.version + 1
                  from pledge_cash_update t where p.id = t.id""");
    }

    private void copy(String sql, CharSequence csv) {
        if (csv.isEmpty()) {
            return;
        }
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        } catch (SQLException e) {
            DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY", sql, e);
            throw translated != null ? translated : new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    /** One CSV record as PostgreSQL reads it: null is an unquoted empty field, every text is quoted. */
    static final class Csv {

        private final StringBuilder out;
        private boolean first = true;

        Csv(StringBuilder out) {
            this.out = out;
        }

        Csv value(Long number) {
            separator();
            if (number != null) {
                out.append(number.longValue());
            }
            return this;
        }

        Csv text(String text) {
            separator();
            if (text != null) {
                out.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        out.append('"');
                    }
                    out.append(c);
                }
                out.append('"');
            }
            return this;
        }

        void end() {
            out.append('\n');
        }

        private void separator() {
            if (!first) {
                out.append(',');
            }
            first = false;
        }
    }
}
