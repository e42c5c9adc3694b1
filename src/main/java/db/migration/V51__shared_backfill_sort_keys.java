package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.cungem.shared.text.VietnameseText;

/**
 * Fills the Vietnamese sort keys added by V50 for rows written before it (the demo's file database, a live
 * installation). The key comes from {@link VietnameseText#sortKey}, a JDK collator, so it cannot be computed in SQL.
 * Walks each table by id in batches, so a national directory (≈40,000 schools) never sits in memory at once.
 */
public class V51__shared_backfill_sort_keys extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        backfill(connection, "administrative_unit", "name", "name_sort");
        backfill(connection, "school", "name", "name_sort");
        backfill(connection, "partner_organisation", "name", "name_sort");
        backfill(connection, "campaign", "name", "name_sort");
        backfill(connection, "user_account", "full_name", "full_name_sort");
        backfill(connection, "volunteer_team", "name", "name_sort");
    }

    // Table and column names are the constants above, never input.
    private static void backfill(Connection connection, String table, String nameColumn, String keyColumn)
            throws SQLException {
        String select = "select id, " + nameColumn + " from " + table + " where id > ? and " + keyColumn
                + " is null order by id";
        String update = "update " + table + " set " + keyColumn + " = ? where id = ?";
        long after = 0;
        try (PreparedStatement read = connection.prepareStatement(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            read.setMaxRows(BATCH);
            while (true) {
                read.setLong(1, after);
                List<Object[]> rows = new ArrayList<>(BATCH);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                }
                if (rows.isEmpty()) {
                    return;
                }
                for (Object[] row : rows) {
                    write.setString(1, VietnameseText.sortKey((String) row[1]));
                    write.setLong(2, (Long) row[0]);
                    write.addBatch();
                    after = (Long) row[0];
                }
                write.executeBatch();
            }
        }
    }
}
