package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import vn.cungem.identity.AccountBulkLoad.AccountLine;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class AccountBulkLoadIntegrationTests {

    @Autowired
    AccountBulkLoad bulk;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsTheTeamAndAccountsWithTheOneHashAndSearchableNames() {
        fixtures.ensureLevels();
        long unit = fixtures.unit("Tỉnh " + TestFixtures.unique("A"), "province", null);
        String mailbox = TestFixtures.unique("bulk");
        Callers.asSystem(() -> {
            long team = bulk.createVolunteerTeam("Đội  kỹ thuật", unit);
            bulk.createAccounts(
                    List.of(
                            new AccountLine(
                                    " " + mailbox + ".A@Demo.Local",
                                    "Phạm  Minh Khoa",
                                    Role.VOLUNTEER_TECHNICIAN,
                                    null,
                                    null,
                                    null,
                                    team),
                            new AccountLine(
                                    mailbox + ".b@demo.local",
                                    "Trần Thị Hà",
                                    Role.PROGRAMME_MANAGER,
                                    unit,
                                    null,
                                    null,
                                    null)),
                    "{noop}hash");
        });

        Map<String, Object> row = jdbc.sql("""
                        select a.full_name, a.full_name_folded, a.password_hash, a.enabled, t.name as team
                          from user_account a join volunteer_team t on t.id = a.volunteer_team_id where a.email = ?""")
                .param(mailbox.toLowerCase() + ".a@demo.local")
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("full_name", "Phạm Minh Khoa")
                .containsEntry("full_name_folded", "pham minh khoa")
                .containsEntry("password_hash", "{noop}hash")
                .containsEntry("enabled", true)
                .containsEntry("team", "Đội kỹ thuật");
        assertThat(jdbc.sql("select unit_id from user_account where email = ?")
                        .param(mailbox.toLowerCase() + ".b@demo.local")
                        .query(Long.class)
                        .single())
                .isEqualTo(unit);
    }

    @Test
    void onlyWorkRunningAsTheSystemMayCreate() {
        String mailbox = TestFixtures.unique("bulk");
        assertThatThrownBy(() -> bulk.createAccounts(
                        List.of(new AccountLine(
                                mailbox + "@demo.local", "Ai Đó", Role.SYSTEM_ADMIN, null, null, null, null)),
                        "{noop}hash"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from user_account where email = ?")
                        .param(mailbox + "@demo.local")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
