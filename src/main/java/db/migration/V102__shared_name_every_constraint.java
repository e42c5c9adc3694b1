package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Every constraint has the same name on H2 and PostgreSQL (issue 10). Older migrations made primary keys, foreign
 * keys and one unique key without a name: PostgreSQL called them {@code <table>_pkey}, {@code <table>_<columns>_fkey}
 * and {@code <table>_<columns>_key}, H2 {@code constraint_<hex>}. This gives H2's the names PostgreSQL chose, so a later
 * migration (or a person reading an error) can name a constraint once for both. On PostgreSQL, and on an H2 database
 * whose constraints are all named, it changes nothing. SchemaParityIntegrationTests compares the names.
 *
 * <p>Portable: the catalogue is read from information_schema and {@code alter table ... rename constraint} is the same
 * statement on both databases.
 */
public class V102__shared_name_every_constraint extends BaseJavaMigration {

    /** The names H2 gives a constraint made without one. */
    private static final Pattern H2_CHOSEN = Pattern.compile("constraint_[0-9a-f]+", Pattern.CASE_INSENSITIVE);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String schema = connection.getSchema();
        Map<String, String[]> unnamed = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select table_name, constraint_name, constraint_type from information_schema.table_constraints
                 where table_schema = ? and constraint_type in ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
                 order by table_name, constraint_name""")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (H2_CHOSEN.matcher(rs.getString(2)).matches()) {
                        unnamed.put(rs.getString(2), new String[] {rs.getString(1), rs.getString(3)});
                    }
                }
            }
        }
        if (unnamed.isEmpty()) {
            return;
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select constraint_name, column_name from information_schema.key_column_usage
                 where table_schema = ? order by constraint_name, ordinal_position""")) {
            query.setString(1, schema);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (Map.Entry<String, String[]> each : unnamed.entrySet()) {
                String table = each.getValue()[0];
                String type = each.getValue()[1];
                List<String> cols = columns.get(each.getKey());
                if (cols == null || cols.isEmpty()) {
                    throw new IllegalStateException(
                            "No columns found for constraint " + each.getKey() + " of " + table);
                }
                String name = switch (type) {
                    case "PRIMARY KEY" -> table + "_pkey";
                    case "FOREIGN KEY" -> table + "_" + String.join("_", cols) + "_fkey";
                    default -> table + "_" + String.join("_", cols) + "_key";
                };
                name = name.toLowerCase(Locale.ROOT);
                if (name.length() > 63) {
                    // PostgreSQL shortens longer names in a way of its own; none of the unnamed ones is that long.
                    throw new IllegalStateException("Name too long for PostgreSQL: " + name);
                }
                // Names from the database's own catalogue, never from input; quoted, as the catalogue spells them.
                sql.execute("alter table \"" + table + "\" rename constraint \"" + each.getKey() + "\" to \"" + name
                        + "\"");
            }
        }
    }
}
