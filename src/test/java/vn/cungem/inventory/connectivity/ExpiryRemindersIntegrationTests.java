package vn.cungem.inventory.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The daily reminder of SIMs about to expire (issue 13): the job, called directly, lists each active SIM whose plan ends
 * within 14 days to its operator's staff and to the managers of its unit and the units above, and to nobody else.
 */
@IntegrationTest
class ExpiryRemindersIntegrationTests {

    @Autowired
    ExpiryReminders reminders;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void activeSimsEndingWithinTwoWeeksAreListedToTheirOperatorAndTheirManagers() {
        long city = fixtures.unit("Thành phố Hồ Chí Minh", "province", null);
        long district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        long other = fixtures.unit("Quận 3", "district", city);
        AccountDetails manager = fixtures.manager(district);
        AccountDetails cityManager = fixtures.manager(city);
        AccountDetails outsider = fixtures.manager(other);
        long viettel = ConnectivityTestData.telecomPartner(jdbc, city);
        long vina = ConnectivityTestData.telecomPartner(jdbc, city);
        AccountDetails viettelStaff = fixtures.account(Role.PARTNER_USER, null, null, viettel);
        AccountDetails vinaStaff = fixtures.account(Role.PARTNER_USER, null, null, vina);
        long campaign = new DonationTestData(jdbc).campaign(district);
        LocalDate today = LocalDate.of(2026, 12, 7);

        String soon = sim(campaign, district, viettel, "ACTIVATED", today.plusDays(3));
        String lastDay = sim(campaign, district, null, "ACTIVATED", today.plusDays(14));
        sim(campaign, district, viettel, "ACTIVATED", today.plusDays(15)); // later: not yet
        sim(campaign, district, viettel, "ACTIVATED", today.minusDays(1)); // already over
        sim(campaign, district, viettel, "PROBLEM", today.plusDays(2)); // not active: the operator knows already
        sim(campaign, district, vina, "NOT_ACTIVATED", null);

        Map<String, List<String>> due = reminders.due(today);

        assertThat(due.get(manager.email())).hasSize(2);
        assertThat(due.get(manager.email()).get(0)).contains(soon).contains("10/12/2026");
        assertThat(due.get(manager.email()).get(1)).contains(lastDay).contains("21/12/2026");
        assertThat(due.get(cityManager.email())).isEqualTo(due.get(manager.email()));
        assertThat(due.get(viettelStaff.email()))
                .hasSize(1)
                .allSatisfy(l -> assertThat(l).contains(soon));
        assertThat(due).doesNotContainKeys(outsider.email(), vinaStaff.email());

        assertThat(reminders.remind(today)).isEqualTo(due.size());
    }

    private String sim(long campaign, long unit, Long partner, String status, LocalDate expires) {
        String number = ConnectivityTestData.viettelNumber();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into inventory_connection (kind, operator, phone_number, serial, activated_on,
                                                          expires_on, status, problem_reason, campaign_id, unit_id,
                                                          partner_id, created_at, updated_at)
                        values ('SIM', 'VIETTEL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        number,
                        ConnectivityTestData.iccid(),
                        expires == null ? null : expires.minusDays(365),
                        expires,
                        status,
                        "PROBLEM".equals(status) ? "Không nhận sóng" : null,
                        campaign,
                        unit,
                        partner,
                        now,
                        now)
                .update();
        return number;
    }
}
