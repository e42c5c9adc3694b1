package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The cash ledger keeps its references (campaign, pledge, bank line, corrected entry) without per-row foreign-key
 * triggers. Measured on PostgreSQL 15 on the 2-core machine, posting the 78,630 ledger entries of a 100,000-line
 * statement took 3.5 s with the four foreign keys and 1.0 s without them: the checks were most of the import's
 * ledger time, and issue 3 asks for the whole import in under 10 s.
 *
 * <p>Nothing is given up in what the ledger can contain, because every writer takes its references from rows it has
 * just read or written in the same transaction: an import copies campaign, pledge and line from the statement lines
 * it has just stored ({@code insert ... select}), whose own keys are checked; a manual match, a purchase and a
 * correction look the line, pledge or corrected entry up in the campaign, under the campaign's lock, before writing.
 * Ledger entries, lines, pledges and campaigns are never deleted. The cash integration tests check after each test,
 * whatever it wrote, that every reference resolves to a row of the same campaign.
 *
 * <p>Java, because the foreign keys have names the database chose, which differ between H2 and PostgreSQL.
 */
public class V68__donation_ledger_references_by_construction extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet keys = connection
                .getMetaData()
                .getImportedKeys(connection.getCatalog(), connection.getSchema(), "ledger_entry")) {
            while (keys.next()) {
                names.add(keys.getString("FK_NAME"));
            }
        }
        if (names.size() != 4) {
            throw new IllegalStateException("Expected the four foreign keys of ledger_entry, found " + names);
        }
        try (Statement sql = connection.createStatement()) {
            for (String name : names) {
                // Names come from the database's own catalogue, never from input; quoted, as the catalogue spells them.
                sql.execute("alter table ledger_entry drop constraint \"" + name + "\"");
            }
        }
    }
}
