package vn.cungem.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/** Loads an account by email for sign-in and turns its role and unit, school or partner into a {@link Scope}. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select a.id, a.email, a.full_name, a.password_hash, a.role, a.unit_id, a.school_id, a.partner_id,
                   a.enabled, a.locked_until, s.unit_id as school_unit_id, p.home_unit_id as partner_unit_id,
                   t.unit_id as team_unit_id
              from user_account a
              left join org_school s on s.id = a.school_id
              left join org_partner p on p.id = a.partner_id
              left join volunteer_team t on t.id = a.volunteer_team_id
            """;

    @Override
    public AccountDetails loadUserByUsername(String email) {
        return jdbc.sql(SELECT + " where a.email = ?")
                .param(email == null ? "" : email.trim().toLowerCase(Locale.ROOT))
                .query(this::details)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }

    /** The account behind a personal access token, loaded fresh on every API call so a disabled account stops. */
    public Optional<AccountDetails> loadById(long id) {
        return jdbc.sql(SELECT + " where a.id = ?")
                .param(id)
                .query(this::details)
                .optional();
    }

    private AccountDetails details(ResultSet rs, int row) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        boolean locked = lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
        return new AccountDetails(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("password_hash"),
                role,
                scopeOf(
                        role,
                        rs.getObject("unit_id", Long.class),
                        rs.getObject("school_id", Long.class),
                        rs.getObject("school_unit_id", Long.class),
                        rs.getObject("partner_id", Long.class),
                        rs.getObject("partner_unit_id", Long.class),
                        rs.getObject("team_unit_id", Long.class)),
                rs.getBoolean("enabled"),
                locked);
    }

    static Scope scopeOf(
            Role role,
            Long unitId,
            Long schoolId,
            Long schoolUnitId,
            Long partnerId,
            Long partnerUnitId,
            Long teamUnitId) {
        return switch (role) {
            case SYSTEM_ADMIN -> Scope.EVERYTHING;
            case PROGRAMME_MANAGER -> unitId == null ? Scope.NONE : Scope.unit(unitId);
            case SCHOOL_OFFICER -> schoolId == null ? Scope.NONE : Scope.school(schoolId, schoolUnitId);
            case PARTNER_USER -> partnerId == null ? Scope.NONE : Scope.partner(partnerId, partnerUnitId);
            // A volunteer team works for a unit; technicians see that unit's stock, not its people.
            case VOLUNTEER_TECHNICIAN ->
                teamUnitId != null ? Scope.unit(teamUnitId) : unitId == null ? Scope.NONE : Scope.unit(unitId);
            case DONOR -> Scope.NONE;
        };
    }
}
