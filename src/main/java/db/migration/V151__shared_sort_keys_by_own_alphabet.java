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
 * Recomputes every stored Vietnamese sort key with the order the project now defines itself
 * ({@code VietnameseSortKey}, version 1) instead of the JDK collator's key bytes, which could change with a JDK upgrade
 * and leave old and new rows sorted by different rules. Walks each table by id in batches of 1,000 and writes only the
 * keys that change, so a national registry never sits in memory at once.
 */
public class V151__shared_sort_keys_by_own_alphabet extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        recompute(connection, "administrative_unit", "name", "name_sort");
        recompute(connection, "school", "name", "name_sort");
        recompute(connection, "partner_organisation", "name", "name_sort");
        recompute(connection, "campaign", "name", "name_sort");
        recompute(connection, "user_account", "full_name", "full_name_sort");
        recompute(connection, "volunteer_team", "name", "name_sort");
        recompute(connection, "donor", "name", "name_sort");
        recompute(connection, "student", "full_name", "name_sort");
    }

    // Table and column names are the constants above, never input.
    private static void recompute(Connection connection, String table, String nameColumn, String keyColumn)
            throws SQLException {
        String select = "select id, " + nameColumn + ", " + keyColumn + " from " + table + " where id > ? order by id";
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
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
                    }
                }
                if (rows.isEmpty()) {
                    return;
                }
                int changed = 0;
                for (Object[] row : rows) {
                    after = (Long) row[0];
                    String key = VietnameseText.sortKey((String) row[1]);
                    if (!key.equals(row[2])) {
                        write.setString(1, key);
                        write.setLong(2, after);
                        write.addBatch();
                        changed++;
                    }
                }
                if (changed > 0) {
                    write.executeBatch();
                }
            }
        }
    }
}
