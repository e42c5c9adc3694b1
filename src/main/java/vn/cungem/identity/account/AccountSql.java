package vn.cungem.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.security.Role;

/**
 * The account queries the identity services share, so the home-unit rule is written once. Schools, partners and units
 * are read through organisation's published views.
 */
final class AccountSql {

    /** The unit that decides who manages an account: its team's, its own, its school's or its partner's home unit. */
    static final String HOME_UNIT = "coalesce(t.unit_id, a.unit_id, s.unit_id, p.home_unit_id)";

    static final String FROM = """
              from user_account a
              left join org_school s on s.id = a.school_id
              left join org_partner p on p.id = a.partner_id
              left join volunteer_team t on t.id = a.volunteer_team_id
              left join org_unit u on u.id = a.unit_id
            """;

    static final String COLUMNS = "a.id, a.email, a.full_name, a.role, a.unit_id, a.school_id, a.partner_id,"
            + " a.volunteer_team_id, a.enabled, a.password_hash, a.locked_until, a.last_sign_in_at, a.created_at, "
            + HOME_UNIT + " as home_unit_id, coalesce(t.name, s.name, p.name, u.name) as scope_name";

    private AccountSql() {}

    static AccountRow row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new AccountRow(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("full_name"),
                new Grant(
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("unit_id", Long.class),
                        rs.getObject("school_id", Long.class),
                        rs.getObject("partner_id", Long.class),
                        rs.getObject("volunteer_team_id", Long.class)),
                rs.getObject("home_unit_id", Long.class),
                rs.getString("scope_name"),
                rs.getBoolean("enabled"),
                rs.getString("password_hash") == null,
                lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now()),
                rs.getObject("last_sign_in_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    static Optional<AccountRow> byId(JdbcClient jdbc, long id) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.id = ?")
                .param(id)
                .query(AccountSql::row)
                .optional();
    }

    static Optional<AccountRow> byEmail(JdbcClient jdbc, String email) {
        return jdbc.sql("select " + COLUMNS + FROM + " where a.email = ?")
                .param(email)
                .query(AccountSql::row)
                .optional();
    }

    static long idOf(JdbcClient jdbc, String email) {
        return jdbc.sql("select id from user_account where email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }
}
