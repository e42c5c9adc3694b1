package vn.cungem.shared.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk loading with PostgreSQL's {@code COPY ... FROM STDIN}, for the modules that write tens of thousands of rows at
 * once (statement lines, students), and the one test of which database is behind the data source that decides
 * whether they may use it. COPY runs on the connection of the current Spring transaction, so a failed load leaves
 * nothing written; errors come back as Spring's {@link DataAccessException}s, a duplicate key as
 * {@code DuplicateKeyException}.
 */
public final class PostgresCopy {

    private PostgresCopy() {}

    /** Whether the database is PostgreSQL, as its driver reports it; asked once, when a writer bean is chosen. */
    public static boolean isPostgres(DataSource dataSource) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            return con.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgresql");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product name", e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** Runs {@code sql} (a {@code COPY ... FROM STDIN}) with {@code csv} as its input. */
    public static void copyIn(DataSource dataSource, JdbcTemplate jdbc, String sql, Reader csv) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, csv);
        } catch (SQLException e) {
            throw translate(jdbc, sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    public static DataAccessException translate(JdbcTemplate jdbc, String sql, SQLException e) {
        DataAccessException translated = jdbc.getExceptionTranslator().translate("COPY", sql, e);
        return translated != null ? translated : new UncategorizedSQLException("COPY", sql, e);
    }
}
