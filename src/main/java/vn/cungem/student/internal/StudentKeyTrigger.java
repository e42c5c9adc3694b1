package vn.cungem.student.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's half of migration V371 (db/vendor/h2): {@code student_key} follows {@code student}, one row each. PostgreSQL
 * does the same with statement-level triggers over transition tables (db/vendor/postgresql), so an import pays one
 * insert ... select; H2 has neither a procedural language nor transition tables, so here it is one row at a time.
 *
 * <p>Created by {@code CREATE TRIGGER ... FOR EACH ROW CALL '...'} once for inserts, once for deletes (after) and once
 * for updates (before): the id of a student never changes, as on PostgreSQL.
 */
public class StudentKeyTrigger implements Trigger {

    /** SQLSTATE of the refusal: integrity constraint violation, as the PostgreSQL function raises. */
    static final String REFUSED = "23000";

    private int id = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (PreparedStatement query = conn.prepareStatement("select ordinal_position from information_schema.columns"
                + " where table_schema = ? and table_name = ? and lower(column_name) = 'id'")) {
            query.setString(1, schemaName);
            query.setString(2, tableName);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("student_key: " + tableName + " has no id column");
                }
                id = rs.getInt(1) - 1;
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            run(conn, "insert into student_key (id) values (?)", newRow[id]);
        } else if (newRow == null) {
            // a decision naming the student refuses this delete (its foreign key), and with it the student's
            run(conn, "delete from student_key where id = ?", oldRow[id]);
        } else if (!Objects.equals(oldRow[id], newRow[id])) {
            throw new SQLException("student id " + oldRow[id] + " cannot change (student_key follows it)", REFUSED);
        }
    }

    private static void run(Connection conn, String sql, Object key) throws SQLException {
        try (PreparedStatement statement = conn.prepareStatement(sql)) {
            statement.setObject(1, key);
            statement.executeUpdate();
        }
    }
}
