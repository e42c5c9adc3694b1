package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fewer index entries to write when a statement import stores 100,000 lines, posts their ledger entries and updates
 * tens of thousands of pledges (issue 3 asks for under 10 s on PostgreSQL).
 *
 * <ul>
 *   <li>Both databases: {@code ledger_campaign_ix (campaign_id, id)} goes; every ledger query filters by campaign and
 *       orders by date and id, which {@code ledger_campaign_booked_ix (campaign_id, booked_on, id)} serves.
 *   <li>PostgreSQL only: the indexes on columns that are mostly empty (a pledge's idempotency key and collection point,
 *       a bank line's pledge) become partial indexes that leave the empty rows out. Uniqueness of idempotency keys is
 *       unchanged: it never applied to empty keys. H2 has no partial indexes, so it keeps the full ones; it answers
 *       the same either way.
 * </ul>
 */
public class V66__donation_leaner_write_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("drop index ledger_campaign_ix");
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("postgresql")) {
                return;
            }
            sql.execute("alter table pledge drop constraint pledge_idempotency_uq");
            sql.execute("create unique index pledge_idempotency_uq on pledge (idempotency_key)"
                    + " where idempotency_key is not null");
            sql.execute("drop index pledge_point_ix");
            sql.execute("create index pledge_point_ix on pledge (collection_point_id)"
                    + " where collection_point_id is not null");
            sql.execute("drop index bank_line_pledge_ix");
            sql.execute(
                    "create index bank_line_pledge_ix on bank_statement_line (pledge_id) where pledge_id is not null");
        }
    }
}
