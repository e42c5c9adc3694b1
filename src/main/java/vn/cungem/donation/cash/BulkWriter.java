package vn.cungem.donation.cash;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.cungem.shared.Money;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * Writes the rows of a statement import: many statement lines and pledge updates at once. Two
 * implementations with the same result: {@link PostgresCopyWriter} (COPY through the PostgreSQL driver, several times
 * faster than batched inserts — what brings 100,000 lines under the 10 s) and {@link JdbcBatchWriter}
 * (portable batched statements, used on H2). The only place in the cash module that branches on the database.
 */
interface BulkWriter {

    /** A statement line as written by an import; {@code status} is MATCHED or UNMATCHED. */
    record LineRow(
            long campaignId,
            long importId,
            String fingerprint,
            LocalDate bookedOn,
            String reference,
            Money debit,
            Money credit,
            Money balance,
            String description,
            String descriptionFolded,
            String status,
            Long pledgeId,
            String matchMethod,
            Instant matchedAt) {}

    /** A pledge's recomputed status and cash received. */
    record PledgeUpdate(long id, String status, Money cashReceived) {}

    /**
     * Receives an import's lines one at a time and writes them as they come, so the database stores the first lines
     * while the import is still matching the later ones. Nothing is visible to others before the transaction commits.
     */
    interface LineSink extends AutoCloseable {

        void add(LineRow row);

        /** Writes what is still buffered; the lines are in the table when this returns. */
        void finish();

        /** After {@code finish}, nothing; before it (the import failed), abandons what was sent. */
        @Override
        default void close() {}
    }

    /** Opens a sink on the connection of the current transaction; use nothing else on it until {@code finish}. */
    LineSink lines();

    default void insertLines(List<LineRow> rows) {
        try (LineSink sink = lines()) {
            rows.forEach(sink::add);
            sink.finish();
        }
    }

    /** Sets status and cash received, bumps version and updated_at, of each pledge (already locked by the caller). */
    void updatePledges(List<PledgeUpdate> updates);

    /** Which writer the database gets: decided once, from the product name the driver reports. */
    @Configuration(proxyBeanMethods = false)
    class Choice {

        @Bean
        BulkWriter bulkWriter(DataSource dataSource, JdbcTemplate jdbc) {
            return PostgresCopy.isPostgres(dataSource)
                    ? new PostgresCopyWriter(dataSource, jdbc)
                    : new JdbcBatchWriter(jdbc);
        }
    }
}
