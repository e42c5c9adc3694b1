package vn.cungem.donation.cash;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;

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

    /** Chars of CSV gathered before they are sent: large enough to keep calls few, small enough to start early. */
    static final int FLUSH_CHARS = 1 << 16;

    private static final String COPY_LINES = """
            copy bank_statement_line (campaign_id, import_id, fingerprint, booked_on, reference, debit_vnd,
                                      credit_vnd, balance_vnd, description, description_folded, status,
                                      pledge_id, match_method, matched_at)
            from stdin with (format csv)""";

    @Override
    public LineSink lines() {
        return new CopySink();
    }

    /**
     * One {@code COPY ... FROM STDIN} kept open while the import adds lines: each 64K chars of CSV goes to the server
     * at once, and the server parses and indexes them while the import matches the next lines.
     */
    private final class CopySink implements LineSink {

        private final StringBuilder csv = new StringBuilder(FLUSH_CHARS + 4_096);
        private Connection con;
        private CopyIn copy;

        @Override
        public void add(LineRow l) {
            new CopyCsv(csv)
                    .value(l.campaignId())
                    .value(l.importId())
                    .text(l.fingerprint())
                    .text(l.bookedOn().toString())
                    .text(l.reference())
                    .value(l.debit().vnd())
                    .value(l.credit().vnd())
                    .value(Money.vndOrNull(l.balance()))
                    .text(l.description())
                    .text(l.descriptionFolded())
                    .text(l.status())
                    .value(l.pledgeId())
                    .text(l.matchMethod())
                    .text(timestamp(l.matchedAt()))
                    .end();
            if (csv.length() >= FLUSH_CHARS) {
                send();
            }
        }

        @Override
        public void finish() {
            if (copy == null && csv.isEmpty()) {
                return;
            }
            send();
            try {
                copy.endCopy();
            } catch (SQLException e) {
                throw PostgresCopy.translate(jdbc, COPY_LINES, e);
            } finally {
                copy = null;
                release();
            }
        }

        @Override
        public void close() {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // The COPY failed already (the server reported an error); the transaction rolls back anyway.
                }
            }
            copy = null;
            release();
        }

        private void send() {
            try {
                if (copy == null) {
                    con = DataSourceUtils.getConnection(dataSource);
                    copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_LINES);
                }
                byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
                csv.setLength(0);
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw PostgresCopy.translate(jdbc, COPY_LINES, e);
            }
        }

        private void release() {
            if (con != null) {
                DataSourceUtils.releaseConnection(con, dataSource);
                con = null;
            }
        }
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
            new CopyCsv(csv)
                    .value(u.id())
                    .text(u.status())
                    .value(u.cashReceived().vnd())
                    .end();
        }
        copy("copy pledge_cash_update (id, status, cash) from stdin with (format csv)", csv);
        jdbc.execute("analyze pledge_cash_update");
        jdbc.update("""
                update pledge p set status = t.status, cash_received_vnd = t.cash, updated_at = current_timestamp,
                                    version = p.version + 1
                  from pledge_cash_update t where p.id = t.id""");
    }

    private void copy(String sql, CharSequence csv) {
        if (!csv.isEmpty()) {
            PostgresCopy.copyIn(dataSource, jdbc, sql, new StringReader(csv.toString()));
        }
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
