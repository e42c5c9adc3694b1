package vn.cungem.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.cungem.identity.Accounts;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class IdentityStartupAndJobsIntegrationTests {

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    TokenPurgeJob purgeJob;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestFixtures fixtures;

    @Test
    void startupLeavesAnAdministratorWithAGeneratedPassword() {
        assertThat(jdbc.sql("select count(*) from user_account where role = 'SYSTEM_ADMIN'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void demoRunReplacesTheGeneratedAdminPasswordAtEachStartUntilItIsChanged() {
        String before = adminHash();
        Boolean generated = jdbc.sql("select password_generated from user_account where email = 'admin@cungem.local'")
                .query(Boolean.class)
                .single();
        assertThat(generated).isTrue();
        Callers.asSystem(bootstrap::ensureAdmin);
        String after = adminHash();
        assertThat(after).isNotEqualTo(before);

        jdbc.sql("update user_account set password_generated = false where email = 'admin@cungem.local'")
                .update();
        try {
            Callers.asSystem(bootstrap::ensureAdmin);
            assertThat(adminHash()).isEqualTo(after);
        } finally {
            jdbc.sql("update user_account set password_generated = true where email = 'admin@cungem.local'")
                    .update();
        }
    }

    @Test
    void purgeRemovesExpiredLinksAndOldThrottleRowsButKeepsLiveOnes() {
        var account = fixtures.manager(fixtures.unit("Quận Gò Vấp", "district", null));
        OffsetDateTime now = OffsetDateTime.now();
        String expired = SecretTokens.hash(SecretTokens.newToken());
        String live = SecretTokens.hash(SecretTokens.newToken());
        jdbc.sql("insert into account_token (account_id, purpose, token_hash, expires_at, created_at)"
                        + " values (?, 'PASSWORD_RESET', ?, ?, ?)")
                .params(account.id(), expired, now.minusMinutes(1), now.minusHours(2))
                .update();
        jdbc.sql("insert into account_token (account_id, purpose, token_hash, expires_at, created_at)"
                        + " values (?, 'INVITATION', ?, ?, ?)")
                .params(account.id(), live, now.plusDays(6), now)
                .update();
        String oldClient = TestFixtures.unique("old-client");
        String newClient = TestFixtures.unique("new-client");
        jdbc.sql("insert into sign_in_throttle (client_key, failures, window_started_at) values (?, 3, ?)")
                .params(oldClient, now.minusHours(2))
                .update();
        jdbc.sql("insert into sign_in_throttle (client_key, failures, window_started_at) values (?, 3, ?)")
                .params(newClient, now)
                .update();

        purgeJob.purge();

        assertThat(count("select count(*) from account_token where token_hash = ?", expired))
                .isZero();
        assertThat(count("select count(*) from account_token where token_hash = ?", live))
                .isOne();
        assertThat(count("select count(*) from sign_in_throttle where client_key = ?", oldClient))
                .isZero();
        assertThat(count("select count(*) from sign_in_throttle where client_key = ?", newClient))
                .isOne();
        assertThat(count("select count(*) from shedlock where name = ?", "identity-token-purge"))
                .isOne();
    }

    @Test
    void facadeCreatesAccountsAndTeamsIdempotently() {
        long unit = fixtures.unit("Thành phố Thủ Đức", "district", null);
        long team = accounts.createVolunteerTeam("IT áo xanh Thủ Đức", unit);
        assertThat(accounts.createVolunteerTeam("IT  áo xanh Thủ Đức ", unit)).isEqualTo(team);

        String email = TestFixtures.unique("ktv") + "@example.vn";
        long id = accounts.createTechnician(email, "Lý Văn Kỹ", team, "Sua may tinh cho em 2021");
        assertThat(accounts.createTechnician(email, "Lý Văn Kỹ", team, "Sua may tinh cho em 2021"))
                .isEqualTo(id);
        assertThat(jdbc.sql("select unit_id from user_account where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(unit);

        String managerEmail = TestFixtures.unique("ql") + "@example.vn";
        long manager = accounts.createAccount(
                managerEmail, "Nguyễn Thị Quản", Role.PROGRAMME_MANAGER, unit, null, null, "Quan ly Thu Duc 2021");
        String hash = jdbc.sql("select password_hash from user_account where id = ?")
                .param(manager)
                .query(String.class)
                .single();
        assertThat(encoder.matches("Quan ly Thu Duc 2021", hash)).isTrue();
        assertThat(accounts.findIdByEmail(managerEmail.toUpperCase())).contains(manager);
    }

    private String adminHash() {
        return jdbc.sql("select password_hash from user_account where email = 'admin@cungem.local'")
                .query(String.class)
                .single();
    }

    private long count(String sql, String param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }
}
