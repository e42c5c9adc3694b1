package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.places.PlaceKind;
import vn.cungem.inventory.places.Places;
import vn.cungem.testsupport.InventoryTestPeople;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 13: a manager sends two SIMs from the collection point to the workshop on the place's page (desktop); the
 * workshop's volunteer confirms them on a phone, and each place's page counts them where they are.
 */
class SimTransferBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Places places;

    @Autowired
    AccountUserDetailsService accounts;

    @Test
    void simsSentFromThePointAreCountedAtTheWorkshopOnceItsVolunteerConfirms() {
        var data = new DonationTestData(jdbc);
        var people = new InventoryTestPeople(jdbc, fixtures, accounts);
        long city = fixtures.unit(TestFixtures.unique("Tỉnh "), "province", null);
        long district = fixtures.unit(TestFixtures.unique("Huyện "), "district", city);
        long school = fixtures.school("Trường THCS Linh Trung", district);
        long campaign = data.campaign(district);
        long point = data.point(campaign, district, school);
        AccountDetails manager = fixtures.manager(district);
        long team = people.team(district);
        AccountDetails volunteer = people.volunteer(team, district);
        long from = places.forPoint(point);
        long workshop = places.create(
                        new Places.NewPlace(PlaceKind.WORKSHOP, "Xưởng IT áo xanh", null, team, null), manager.caller())
                .id();
        String first = sim(campaign, district, from);
        String second = sim(campaign, district, from);
        sim(campaign, district, from);

        Page desk = desktop();
        signIn(desk, manager.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/inventory/places/" + from));
        assertThat(desk.locator("#place-connections h2")).containsText("3");
        desk.locator("#to").selectOption(String.valueOf(workshop));
        desk.locator("#connections").fill(first + "\n" + second.substring(0, 4) + " " + second.substring(4));
        capture(desk, "sim-transfer-place-desktop");
        desk.locator("form button[type=submit]").last().click();
        assertThat(desk.locator("#transfer-connections li")).hasCount(2);
        capture(desk, "sim-transfer-sent-desktop");
        String transfer = desk.url();

        Page phone = phone();
        signIn(phone, volunteer.email(), TestFixtures.PASSWORD);
        phone.navigate(transfer);
        assertThat(phone.locator("#transfer-connections")).containsText(first);
        capture(phone, "sim-transfer-phone");
        phone.locator("form[action$='/receive'] button").click();
        phone.navigate(url("/inventory/places/" + workshop));
        assertThat(phone.locator("#place-connections h2")).containsText("2");
        capture(phone, "sim-transfer-workshop-phone");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);
        // the point keeps the one that stayed (a phone opens a new browser context: the desk's is closed)
        phone.navigate(url("/inventory/places/" + from));
        assertThat(phone.locator("#place-connections h2")).containsText("1");
    }

    private String sim(long campaign, long unit, long place) {
        StringBuilder number = new StringBuilder("098");
        for (int i = 0; i < 7; i++) {
            number.append(ThreadLocalRandom.current().nextInt(10));
        }
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into inventory_connection (kind, operator, phone_number, status, campaign_id, unit_id,
                                                          place_id, created_at, updated_at)
                        values ('SIM', 'VIETTEL', ?, 'ACTIVATED', ?, ?, ?, ?, ?)""").params(number.toString(), campaign, unit, place, now, now).update();
        return number.toString();
    }
}
