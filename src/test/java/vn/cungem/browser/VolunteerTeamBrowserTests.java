package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.Accounts;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 13: a manager sets up a volunteer team on a desktop; a volunteer on a 390×844 phone opens the team's queue,
 * goes to scan mode, chooses "start inspection" once and records two laptops by typing their tags (as a USB scanner
 * does); the camera cannot be tested headless, so the test checks the camera library loads without a console error.
 */
class VolunteerTeamBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Accounts accounts;

    @Test
    void aVolunteerGoesFromTheTeamsQueueToScanModeAndRecordsTwoLaptops() {
        var data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        String first = data.device(ItemType.LAPTOP);
        String second = data.device(ItemType.LAPTOP);
        AccountDetails manager = fixtures.manager(data.district);
        String unitCode = jdbc.sql("select code from org_unit where id = ?")
                .param(data.district)
                .query(String.class)
                .single();
        String teamName = TestFixtures.unique("IT áo xanh ");

        Page desk = desktop();
        signIn(desk, manager.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/volunteer/teams"));
        desk.locator("#team-name").fill(teamName);
        desk.locator("#unitCode").fill(unitCode);
        desk.locator("form[action$='/volunteer/teams'] button[type=submit]").click();
        assertThat(desk.locator("h1")).hasText(teamName);
        long teamId = Long.parseLong(desk.url().replaceAll(".*/volunteer/teams/(\\d+).*", "$1"));
        String email = TestFixtures.unique("tnv") + "@example.vn";
        accounts.createTechnician(email, "Võ Thị Hạnh", teamId, TestFixtures.PASSWORD);
        desk.reload();
        assertThat(desk.locator("#members")).containsText("Võ Thị Hạnh");
        assertThat(desk.locator("#queue")).containsText(first);
        capture(desk, "volunteer-team-desktop");

        Page phone = phone();
        signIn(phone, email, TestFixtures.PASSWORD);
        phone.navigate(url("/volunteer"));
        assertThat(phone.locator("h1")).hasText(teamName);
        assertThat(phone.locator("#queue")).containsText(second);
        capture(phone, "volunteer-queue-phone");

        phone.locator("#scan-link").click();
        phone.locator("#scan-action").selectOption("START_INSPECTION");
        phone.locator("#scan-choose button[type=submit]").click();
        assertThat(phone.locator("#scan-chosen")).containsText("Bắt đầu kiểm tra");
        // the camera library came from our own origin and started without a console error (BrowserTest fails on any)
        assertThat(phone.locator("#camera-start")).isVisible();

        phone.locator("#scan-code").fill(first.toLowerCase());
        phone.locator("#scan-code").press("Enter");
        assertThat(phone.locator("#scan-results li")).hasCount(1);
        assertThat(phone.locator("#scan-results li").first()).containsText(first);
        assertThat(phone.locator("#scan-results li").first()).containsText("Đang kiểm tra");
        // the fresh field has the focus again, ready for the next scan (waited for: htmx swaps it in after the answer)
        assertThat(phone.locator("#scan-code")).isFocused();
        phone.keyboard().type(second);
        phone.keyboard().press("Enter");
        assertThat(phone.locator("#scan-results li")).hasCount(2);
        assertThat(phone.locator("#scan-results li").first()).containsText(second);
        // the same tag again is refused, and says why (typed once htmx has swapped the fresh field in: typing into the
        // old one while it is replaced can send the form without htmx, which answers a page of one result)
        assertThat(phone.locator("#scan-code")).isFocused();
        phone.locator("#scan-code").fill(first);
        phone.locator("#scan-code").press("Enter");
        assertThat(phone.locator("#scan-results li")).hasCount(3);
        assertThat(phone.locator("#scan-results li.refused")).hasCount(1);
        capture(phone, "volunteer-scan-phone");
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);

        // back at the queue, both laptops now wait in inspection; the volunteer's record lists what they did
        phone.navigate(url("/volunteer/teams/" + teamId + "?job=INSPECT"));
        assertThat(phone.locator("#queue")).containsText("Đang kiểm tra");
        phone.locator("#members a:text('Võ Thị Hạnh')").click();
        assertThat(phone.locator("#done li")).hasCount(2);
        assertThat(phone.locator("#record")).containsText("2");
        capture(phone, "volunteer-record-phone");

        // the workshop's desk, with a USB scanner: the same page
        Page desk2 = desktop();
        signIn(desk2, email, TestFixtures.PASSWORD);
        desk2.navigate(url("/inventory/scan?action=START_REPAIR"));
        assertThat(desk2.locator("#scan-chosen")).containsText("Bắt đầu sửa chữa");
        capture(desk2, "volunteer-scan-desktop");
    }
}
