package vn.cungem.shared.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.h2.api.Trigger;

/**
 * H2's half of migration V99 (db/vendor/h2): rows of an append-only table are never updated or deleted. PostgreSQL
 * does the same with plpgsql functions (db/vendor/postgresql), which give the reasons in full; this class keeps the
 * same rules and the same messages.
 *
 * <p>One table is append-only for part of its columns: a statement line keeps what the bank wrote, but
 * reconciliation's outcome is set on it once, while it is still UNMATCHED ({@link #SET_ONCE}). Every other column,
 * including any added later, is fixed.
 *
 * <p>Created by {@code CREATE TRIGGER ... BEFORE UPDATE, DELETE ... FOR EACH ROW CALL '...'}; H2 makes one instance
 * per trigger and calls {@link #fire} for each row, inside the statement, whose transaction the exception rolls back.
 */
public class H2AppendOnlyTrigger implements Trigger {

    /** SQLSTATE of the refusal: integrity constraint violation, as the PostgreSQL functions raise. */
    static final String REFUSED = "23000";

    /** A table whose {@code columns} may still change while {@code stateColumn} holds {@code openState}. */
    record SetOnce(Set<String> columns, String stateColumn, String openState) {}

    static final Map<String, SetOnce> SET_ONCE = Map.of(
            "bank_statement_line",
            new SetOnce(
                    Set.of("status", "pledge_id", "match_method", "matched_at", "ignored_reason"),
                    "status",
                    "UNMATCHED"));

    private String table;
    private List<String> columns = List.of();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        table = tableName.toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = conn.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = ? and table_name = ? order by ordinal_position")) {
            query.setString(1, schemaName);
            query.setString(2, tableName);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        columns = List.copyOf(names);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            return; // an insert: never refused
        }
        SetOnce rule = SET_ONCE.get(table);
        if (newRow == null || rule == null) {
            throw new SQLException(
                    table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", REFUSED);
        }
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < Math.max(oldRow.length, newRow.length); i++) {
            String column = i < columns.size() ? columns.get(i) : "column " + (i + 1);
            Object before = i < oldRow.length ? oldRow[i] : null;
            Object after = i < newRow.length ? newRow[i] : null;
            if (!rule.columns().contains(column) && !Objects.deepEquals(before, after)) {
                changed.add(column);
            }
        }
        Object id = value(oldRow, "id");
        if (!changed.isEmpty()) {
            throw new SQLException(
                    table + " is append-only: "
                            + String.join(", ", changed.stream().sorted().toList()) + " of line " + id
                            + " cannot change",
                    REFUSED);
        }
        Object state = value(oldRow, rule.stateColumn());
        if (!rule.openState().equals(state)) {
            throw new SQLException(
                    table + " is append-only: line " + id + " is " + state + " already, which is final", REFUSED);
        }
    }

    private Object value(Object[] row, String column) {
        int index = columns.indexOf(column);
        return index >= 0 && index < row.length ? row[index] : null;
    }
}
