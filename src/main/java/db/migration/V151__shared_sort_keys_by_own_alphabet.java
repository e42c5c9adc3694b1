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

    /** One row as read: its id, its name and the key stored today. */
    private record Stored(long id, String name, String key) {}

    // Table and column names are the constants above, never input.
    private static void recompute(Connection connection, String table, String nameColumn, String keyColumn)
            throws SQLException {
        String page = "select id, %s, %s from %s where id > ? order by id fetch first %d rows only"
                .formatted(nameColumn, keyColumn, table, BATCH);
        String write = "update %s set %s = ? where id = ?".formatted(table, keyColumn);
        try (PreparedStatement next = connection.prepareStatement(page);
                PreparedStatement update = connection.prepareStatement(write)) {
            List<Stored> batch = read(next, 0);
            while (!batch.isEmpty()) {
                boolean pending = false;
                for (Stored row : batch) {
                    String key = VietnameseText.sortKey(row.name());
                    if (!key.equals(row.key())) {
                        update.setString(1, key);
                        update.setLong(2, row.id());
                        update.addBatch();
                        pending = true;
                    }
                }
                if (pending) {
                    update.executeBatch();
                }
                batch = read(next, batch.get(batch.size() - 1).id());
            }
        }
    }

    private static List<Stored> read(PreparedStatement next, long afterId) throws SQLException {
        next.setLong(1, afterId);
        List<Stored> rows = new ArrayList<>(BATCH);
        try (ResultSet rs = next.executeQuery()) {
            while (rs.next()) {
                rows.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return rows;
    }
}
