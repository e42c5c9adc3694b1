package vn.cungem.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import vn.cungem.shared.Money;

/** Reads amount columns (whole đồng, {@code bigint}) as {@link Money}; the one place row mappers turn numbers into money. */
public final class MoneyColumns {

    private MoneyColumns() {}

    /** A {@code not null} amount column, or a {@code sum}/{@code coalesce} that never yields null. */
    public static Money money(ResultSet rs, String column) throws SQLException {
        return Money.vnd(rs.getLong(column));
    }

    public static Money money(ResultSet rs, int column) throws SQLException {
        return Money.vnd(rs.getLong(column));
    }

    /** A nullable amount column: SQL null stays null rather than becoming zero đồng. */
    public static Money nullableMoney(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Money.vnd(value);
    }
}
