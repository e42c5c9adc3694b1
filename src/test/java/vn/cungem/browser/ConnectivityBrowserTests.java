package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: on a 390×844 phone, a manager records a SIM as Excel would have kept its number, and pairs it. */
class ConnectivityBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Test
    void aManagerRecordsASimAndPairsItWithALaptopOnAPhone() {
        var data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        String tag = data.device(ItemType.LAPTOP);
        AccountDetails manager = fixtures.manager(data.district);
        String digits = "9" + (6 + ThreadLocalRandom.current().nextInt(3))
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));

        Page phone = phone();
        signIn(phone, manager.email(), TestFixtures.PASSWORD);
        phone.navigate(url("/dashboard"));
        phone.locator("a[href='/inventory/connectivity']").click();
        phone.locator("summary:has-text('Ghi nhận SIM, gói cước hoặc bộ phát')").click();
        phone.locator("#ncampaign").selectOption(Long.toString(data.campaign));
        phone.locator("#nphone").fill(digits);
        phone.locator("#npackage").fill("ST90");
        phone.locator("#nallowance").fill("1GB/ngày");
        phone.locator("#nexpires").fill("2027-08-31");
        capture(phone, "connectivity-record-phone");
        phone.locator("#record-form button[type=submit]").click();

        assertThat(phone.locator("h1")).hasText("0" + digits);
        assertThat(phone.locator("main")).containsText("Viettel");
        assertThat(phone.locator("main")).containsText("30,00");
        phone.locator("#tag").fill(tag.toLowerCase());
        phone.locator("form[action$='/pair'] button[type=submit]").click();
        assertThat(phone.locator("#paired-tag")).hasText(tag);
        assertThat(phone.locator("main")).containsText("Ghép với thiết bị " + tag);
        capture(phone, "connectivity-paired-phone");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);

        Page desk = desktop();
        signIn(desk, manager.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/inventory/connectivity"));
        assertThat(desk.locator("main table")).containsText(tag);
        capture(desk, "connectivity-list-desktop");
    }
}
