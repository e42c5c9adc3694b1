package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A statement line belongs to its import and to the import's campaign. Two foreign keys checked that separately, so
 * storing 100,000 lines ran 200,000 lookups (each taking a row lock) besides the pledge check; measured on PostgreSQL
 * the checks were most of the time of the COPY. One composite key {@code (import_id, campaign_id)} onto the import's
 * {@code (id, campaign_id)} checks both at once (the import's own key checks its campaign), and is stricter: a line
 * can no longer name a campaign other than its import's.
 *
 * <p>The line's index by import is folded into the index by status, {@code (campaign_id, status, import_id)}, which
 * serves the unmatched queue, the counts and "the matched lines of this import" alike: one index fewer to fill.
 *
 * <p>Java, because the two foreign keys have names the database chose, which differ between H2 and PostgreSQL.
 */
public class V67__donation_bank_line_checks_by_import extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> replaced = foreignKeysOn(connection, "bank_statement_line", List.of("import_id", "campaign_id"));
        try (Statement sql = connection.createStatement()) {
            sql.execute(
                    "alter table bank_statement_import add constraint bank_import_campaign_uq unique (id, campaign_id)");
            for (String name : replaced) {
                // Names come from the database's own catalogue, never from input; quoted, as the catalogue spells them.
                sql.execute("alter table bank_statement_line drop constraint \"" + name + "\"");
            }
            sql.execute("alter table bank_statement_line add constraint bank_line_import_fk"
                    + " foreign key (import_id, campaign_id) references bank_statement_import (id, campaign_id)");
            sql.execute("drop index bank_line_status_ix");
            sql.execute("drop index bank_line_import_ix");
            sql.execute("create index bank_line_status_ix on bank_statement_line (campaign_id, status, import_id)");
        }
    }

    /** The single-column foreign keys of {@code table} on any of {@code columns}. */
    private static List<String> foreignKeysOn(Connection connection, String table, List<String> columns)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
            while (keys.next()) {
                String column = keys.getString("FKCOLUMN_NAME").toLowerCase(java.util.Locale.ROOT);
                String name = keys.getString("FK_NAME");
                if (columns.contains(column) && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        if (names.size() != columns.size()) {
            throw new IllegalStateException(
                    "Expected one foreign key on each of " + columns + " of " + table + ", found " + names);
        }
        return names;
    }
}
