package vn.cungem.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.DemoCampaigns;
import vn.cungem.identity.AccountBulkLoad;
import vn.cungem.organisation.OrganisationBulkLoad;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.testsupport.TestFixtures;

/**
 * Seeding only happens on an empty database, which the shared test database of a run never is; so each test migrates
 * a database of its own: a fresh in-memory H2, or a fresh schema on the run's PostgreSQL.
 */
class DemoDataSeederIntegrationTests {

    private final PasswordEncoder passwordEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final List<Object> events = new ArrayList<>();
    private final DemoCampaigns campaigns = mock(DemoCampaigns.class);
    private JdbcTemplate jdbc;
    private DemoDataSeeder seeder;
    private DataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = freshDataSource();
        jdbc = new JdbcTemplate(dataSource);
        this.dataSource = dataSource;
        seeder = new DemoDataSeeder(
                new OrganisationBulkLoad(jdbc),
                new AccountBulkLoad(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                passwordEncoder,
                events::add,
                campaigns,
                new vn.cungem.volunteer.VolunteerBulkLoad(jdbc),
                new MockEnvironment().withProperty("cungem.demo.schools-per-commune", "2"));
    }

    private static DataSource freshDataSource() {
        String url = System.getenv("CUNGEM_TEST_DB_URL");
        String name = TestFixtures.unique("demo").toLowerCase();
        if (url == null || url.isBlank()) {
            DataSource h2 = new DriverManagerDataSource(
                    "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                            + "DB_CLOSE_DELAY=-1",
                    "sa",
                    "");
            Flyway.configure().dataSource(h2).load().migrate();
            return h2;
        }
        String user = System.getenv("CUNGEM_TEST_DB_USER");
        String password = System.getenv("CUNGEM_TEST_DB_PASSWORD");
        new JdbcTemplate(new DriverManagerDataSource(url, user, password)).execute("create schema " + name);
        DataSource schema = new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password);
        Flyway.configure().dataSource(schema).schemas(name).load().migrate();
        return schema;
    }

    @Test
    void seedsTheSourceProgrammesOrganisationOnceOnAnEmptyDatabase() {
        Optional<DemoDataSeeder.SeededAccounts> seeded = seeder.seedIfEmpty();

        assertThat(seeded).isPresent();
        // VN, 79, 769 + 34 wards, 786 + 7, 74, 726 + 11, 91 + 3 districts
        assertThat(count("select count(*) from administrative_unit")).isEqualTo(62);
        assertThat(count("select count(*) from administrative_unit where parent_id = (select id from"
                        + " administrative_unit where code = '769')"))
                .isEqualTo(34);
        assertThat(jdbc.queryForObject("select name from administrative_unit where code = '769-34'", String.class))
                .isEqualTo("Phường Thủ Thiêm");
        assertThat(jdbc.queryForObject("select name_folded from administrative_unit where code = '769'", String.class))
                .isEqualTo("thanh pho thu duc");
        // A ward of Thủ Đức sees itself, Thủ Đức, Hồ Chí Minh City and the centre above it.
        assertThat(count("select count(*) from unit_closure c join administrative_unit u on u.id = c.descendant_id"
                        + " where u.code = '769-01'"))
                .isEqualTo(4);
        assertThat(count("select count(*) from school")).isEqualTo((34 + 7 + 11 + 3) * 2);
        assertThat(count("select count(distinct school_level) from school")).isEqualTo(3);
        assertThat(count("select count(*) from school where ownership = 'PRIVATE'"))
                .isPositive();
        assertThat(jdbc.queryForObject("select name from school where moet_code = '79769011'", String.class))
                .isEqualTo("Trường Tiểu học Linh Xuân");
        assertThat(count("select count(*) from partner_organisation")).isEqualTo(6);
        // Coded columns hold names the organisation module can read back (a typo here broke the partners page once).
        assertThat(jdbc.queryForList("select kind from partner_organisation", String.class))
                .allSatisfy(kind -> vn.cungem.organisation.PartnerKind.valueOf(kind));
        assertThat(jdbc.queryForList("select school_level from school", String.class))
                .allSatisfy(level -> vn.cungem.organisation.SchoolLevel.valueOf(level));
        assertThat(jdbc.queryForList("select ownership from school", String.class))
                .allSatisfy(ownership -> vn.cungem.organisation.Ownership.valueOf(ownership));
        assertThat(jdbc.queryForObject("select name from volunteer_team", String.class))
                .isEqualTo("IT áo xanh Thủ Đức");
        verify(campaigns, times(1)).seed();
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        DomainChange.class,
                        change -> assertThat(change.action()).isEqualTo("SEEDED"));

        assertThat(seeder.seedIfEmpty()).isEmpty();
        assertThat(count("select count(*) from administrative_unit")).isEqualTo(62);
        verify(campaigns, times(1)).seed();
    }

    @Test
    void theThuDucTeamHasTwoTechniciansWhoHaveLoggedShiftsForTheThuDucCampaign() {
        // the campaign module is mocked here: the Thủ Đức campaign is a row written in the seed's own transaction
        org.mockito.Mockito.when(campaigns.idOf("TD-2021")).thenAnswer(call -> {
            Long thuDuc = jdbc.queryForObject("select id from administrative_unit where code = '769'", Long.class);
            return Optional.of(new vn.cungem.donation.receiving.DonationTestData(
                            org.springframework.jdbc.core.simple.JdbcClient.create(dataSource))
                    .campaign(thuDuc));
        });
        seeder.seedIfEmpty().orElseThrow();

        assertThat(jdbc.queryForList("""
                        select a.full_name from user_account a join volunteer_team t on t.id = a.volunteer_team_id
                         where t.name = 'IT áo xanh Thủ Đức' and a.role = 'VOLUNTEER_TECHNICIAN'
                         order by a.full_name""", String.class))
                .containsExactlyInAnyOrder("Đặng Thị Bích Ngọc", "Phạm Minh Khoa");
        assertThat(jdbc.queryForList("""
                        select count(*) from volunteer_shift s join user_account a on a.id = s.account_id
                         where s.team_id = a.volunteer_team_id group by s.account_id""", Long.class)).containsExactly(2L, 2L);
    }

    @Test
    void givesEveryRoleAnAccountThatSignsInWithTheGeneratedPassword() {
        DemoDataSeeder.SeededAccounts seeded = seeder.seedIfEmpty().orElseThrow();

        assertThat(seeded.password()).matches("CungEm(-[a-zA-Z2-9]{4}){4}");
        assertThat(seeded.accounts())
                .extracting(DemoDataSeeder.DemoAccount::role)
                .contains(
                        "PROGRAMME_MANAGER", "SCHOOL_OFFICER", "VOLUNTEER_TECHNICIAN", "PARTNER_USER", "SYSTEM_ADMIN");
        for (DemoDataSeeder.DemoAccount account : seeded.accounts()) {
            String hash = jdbc.queryForObject(
                    "select password_hash from user_account where email = ?", String.class, account.email());
            assertThat(passwordEncoder.matches(seeded.password(), hash)).isTrue();
        }
        assertThat(jdbc.queryForObject("""
                        select u.code from user_account a join school s on s.id = a.school_id
                          join administrative_unit u on u.id = s.unit_id where a.email = ?""", String.class, "truong.linhxuan" + DemoDataSeeder.EMAIL_DOMAIN))
                .isEqualTo("769-01");
        assertThat(jdbc.queryForObject("""
                        select p.name from user_account a join partner_organisation p on p.id = a.partner_id
                         where a.email = ?""", String.class, "hoilhpn.thuduc" + DemoDataSeeder.EMAIL_DOMAIN))
                .isEqualTo("Hội LHPN Thủ Đức");
        assertThat(jdbc.queryForObject("""
                        select t.name from user_account a join volunteer_team t on t.id = a.volunteer_team_id
                         where a.email = ?""", String.class, "kythuat.thuduc" + DemoDataSeeder.EMAIL_DOMAIN))
                .isEqualTo("IT áo xanh Thủ Đức");
    }

    @Test
    void neverGeneratesTheSamePasswordTwice() {
        assertThat(DemoDataSeeder.generatePassword()).isNotEqualTo(DemoDataSeeder.generatePassword());
    }

    @Test
    void leavesTheDatabaseToTheGeneratorWhenItRuns() throws Exception {
        DemoDataSeeder whileGenerating = new DemoDataSeeder(
                new OrganisationBulkLoad(jdbc),
                new AccountBulkLoad(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                passwordEncoder,
                events::add,
                campaigns,
                new vn.cungem.volunteer.VolunteerBulkLoad(jdbc),
                new MockEnvironment().withProperty("cungem.generate.scale", "tiny"));

        whileGenerating.run(new org.springframework.boot.DefaultApplicationArguments());

        assertThat(count("select count(*) from administrative_unit")).isZero();
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
