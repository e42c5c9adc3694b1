package vn.cungem.testsupport;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;

/** Partner organisations, volunteer teams and their members, written with SQL for the receiving and places tests. */
public final class InventoryTestPeople {

    private final JdbcClient jdbc;
    private final TestFixtures fixtures;
    private final AccountUserDetailsService accounts;

    public InventoryTestPeople(JdbcClient jdbc, TestFixtures fixtures, AccountUserDetailsService accounts) {
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.accounts = accounts;
    }

    public long partner(long homeUnit) {
        String name = "Hội LHPN " + TestFixtures.unique("H");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into partner_organisation (name, name_folded, kind, home_unit_id, created_at, updated_at)"
                        + " values (?, ?, 'WOMENS_UNION', ?, ?, ?)")
                .params(name, VietnameseText.fold(name), homeUnit, now, now)
                .update();
        return jdbc.sql("select id from partner_organisation where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    public long team(long unitId) {
        String name = "Đội IT áo xanh " + TestFixtures.unique("T");
        jdbc.sql("insert into volunteer_team (name, name_sort, unit_id, created_at) values (?, ?, ?, ?)")
                .params(name, VietnameseText.sortKey(name), unitId, OffsetDateTime.now())
                .update();
        return jdbc.sql("select id from volunteer_team where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    /** A volunteer technician in the team (scope: the team's unit). */
    public AccountDetails volunteer(long teamId, long unitId) {
        AccountDetails a = fixtures.account(Role.VOLUNTEER_TECHNICIAN, unitId, null, null);
        jdbc.sql("update user_account set volunteer_team_id = ? where id = ?")
                .params(teamId, a.caller().accountId())
                .update();
        return accounts.loadUserByUsername(a.getUsername());
    }
}
