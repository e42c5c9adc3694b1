package vn.cungem.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/**
 * Creates the demo's accounts and volunteer team at once, for the platform itself. {@link Accounts} hashes each
 * password and writes an audit entry per account; the demo gives every account the one password it hashed once, in
 * the caller's transaction, and writes the one summary audit entry of its seed itself. Only work running as the system
 * may call it.
 */
@Service
public class AccountBulkLoad {

    /** An enabled account to create: the id its role needs (unit, school, partner or volunteer team), the rest null. */
    public record AccountLine(
            String email, String fullName, Role role, Long unitId, Long schoolId, Long partnerId, Long teamId) {}

    private final JdbcTemplate jdbc;

    /** Public so that the demo's tests can load a database of their own without a Spring context. */
    public AccountBulkLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasSystemAdmin() {
        Integer admins = jdbc.queryForObject(
                "select count(*) from user_account where role = ?", Integer.class, Role.SYSTEM_ADMIN.name());
        return admins != null && admins > 0;
    }

    /** A volunteer team working for a unit; returns its id. */
    @Transactional
    public long createVolunteerTeam(String name, long unitId) {
        requireSystem();
        String tidy = VietnameseText.tidy(name);
        jdbc.update(
                "insert into volunteer_team (name, name_sort, unit_id, created_at) values (?, ?, ?, ?)",
                tidy,
                VietnameseText.sortKey(tidy),
                unitId,
                now());
        return jdbc.queryForObject(
                "select max(id) from volunteer_team where unit_id = ? and name = ?", Long.class, unitId, tidy);
    }

    /** Creates the accounts in one batch, all signing in with the password {@code passwordHash} was made from. */
    @Transactional
    public void createAccounts(List<AccountLine> accounts, String passwordHash) {
        requireSystem();
        Timestamp now = now();
        List<Object[]> rows = new ArrayList<>(accounts.size());
        for (AccountLine account : accounts) {
            String fullName = VietnameseText.tidy(account.fullName());
            rows.add(new Object[] {
                account.email().strip().toLowerCase(Locale.ROOT),
                fullName,
                VietnameseText.fold(fullName),
                VietnameseText.sortKey(fullName),
                passwordHash,
                account.role().name(),
                account.unitId(),
                account.schoolId(),
                account.partnerId(),
                account.teamId(),
                now,
                now,
                now
            });
        }
        jdbc.batchUpdate("""
                insert into user_account (email, full_name, full_name_folded, full_name_sort, password_hash, role,
                                          unit_id, school_id, partner_id, volunteer_team_id, enabled, created_at,
                                          updated_at, password_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""", rows);
    }

    /** The ids of accounts by email (as created above), for loads that name them. */
    public java.util.Map<String, Long> idsByEmail(List<String> emails) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (String email : emails) {
            jdbc.query(
                    "select id from user_account where email = ?",
                    rs -> {
                        ids.put(email, rs.getLong(1));
                    },
                    email.strip().toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    private static void requireSystem() {
        if (!Callers.current().isAdmin()) {
            throw new AccessDeniedException("bulk loads run as the system");
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
