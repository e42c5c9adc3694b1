package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 13: a volunteer on a 390×844 phone takes a used laptop from received to ready: inspects it (the battery
 * fails), repairs it with a part, wipes it, installs the lower-secondary profile and marks it ready.
 */
class WorkshopJourneyBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    SoftwareProfiles profiles;

    @Test
    void aVolunteerMakesAUsedLaptopReadyOnAPhone() {
        var data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        String tag = data.device(ItemType.LAPTOP);
        profiles.create(
                data.campaign,
                new SoftwareProfiles.NewProfile(SchoolLevel.LOWER_SECONDARY, "THCS", "Trình duyệt, OLM, LibreOffice"),
                fixtures.manager(data.district).caller());
        AccountDetails volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null);

        Page phone = phone();
        signIn(phone, volunteer.email(), TestFixtures.PASSWORD);
        phone.navigate(url("/campaigns/" + data.campaign + "/inventory"));
        phone.locator("a:text('" + tag + "')").click();
        assertThat(phone.locator("#work-status")).hasText("Đã nhận");

        capture(phone, "workshop-item-received-phone");
        phone.locator("button[data-move=START_INSPECTION]").click();
        assertThat(phone.locator("#work-status")).hasText("Đang kiểm tra");
        phone.locator("input[name='result.BATTERY'][value=FAIL]").check();
        phone.locator("input[name='note.BATTERY']").fill("Pin phồng, sạc không vào");
        capture(phone, "workshop-inspection-phone");
        phone.locator("#inspection-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Cần sửa chữa");

        phone.locator("button[data-move=START_REPAIR]").click();
        phone.locator("#repair-form input[name=fault]").fill("Pin phồng");
        phone.locator("#repair-form input[name=partName]").first().fill("Pin 3 cell");
        phone.locator("#repair-form input[name=partCost]").first().fill("350000");
        phone.locator("#repair-form input[name=hours]").fill("0.5");
        phone.locator("#repair-form button[type=submit]").click();
        assertThat(phone.locator("#work-history")).containsText("Pin phồng");

        phone.locator("#wipe-form select[name=method]").selectOption("OVERWRITE");
        phone.locator("#wipe-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Đã xóa dữ liệu");

        phone.locator("#software-form button[type=submit]").click();
        assertThat(phone.locator("#work-status")).hasText("Đã cài phần mềm");
        capture(phone, "workshop-before-ready-phone");
        phone.locator("button[data-move=MARK_READY]").click();
        assertThat(phone.locator("#work-status")).hasText("Sẵn sàng trao");
        assertThat(phone.locator("#work-history li")).hasCount(7);
        org.assertj.core.api.Assertions.assertThat((Integer) phone.evaluate("document.documentElement.scrollWidth"))
                .as("nothing wider than the phone")
                .isLessThanOrEqualTo(390);

        // The same item at the workshop's desk: its history and what may happen next.
        Page desk = desktop();
        signIn(desk, volunteer.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/campaigns/" + data.campaign + "/inventory"));
        capture(desk, "workshop-list-desktop");
        desk.locator("a:text('" + tag + "')").click();
        assertThat(desk.locator("#work-status")).hasText("Sẵn sàng trao");
        capture(desk, "workshop-item-ready-desktop");
    }
}
