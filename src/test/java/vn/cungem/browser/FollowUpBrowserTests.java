package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.followup.FollowUpTestData;
import vn.cungem.followup.work.FollowUpAccess;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 14, "the school records a follow-up": a school officer on a 390×844 phone opens follow-up from the menu, finds
 * the overdue check of a laptop handed over three weeks ago, answers that the student learns partly and the SIM has
 * expired, and sees the problem go to the volunteer team; the manager then sees it in the coverage on a desktop.
 */
class FollowUpBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    Reservations reservations;

    @Test
    void aSchoolOfficerRecordsAFollowUpOnAPhone() {
        var data = new FollowUpTestData(fixtures, jdbc, events, tx, inventory, reservations);
        var handed =
                data.handOver("Nguyễn Thị Thu Trang", FollowUpAccess.today().minusDays(21));

        Page phone = phone();
        signIn(phone, data.officerAccount.email(), TestFixtures.PASSWORD);
        // on a phone the service navigation sits behind its "Danh mục" button
        phone.locator(".govuk-service-navigation__toggle").click();
        phone.locator("#nav-followup").click();
        assertThat(phone.locator("h1")).hasText("Kiểm tra sau bàn giao");
        assertThat(phone.locator("#checks")).containsText("Nguyễn Thị Thu Trang");
        assertThat(phone.locator("#checks")).containsText(handed.tag());
        assertThat(phone.locator("#checks")).containsText("Quá hạn");
        noHorizontalScroll(phone);
        capture(phone, "followup-checks-phone");

        phone.locator("#checks a.govuk-button").first().click();
        assertThat(phone.locator("#check-tag")).hasText(handed.tag());
        // saving without an answer is answered beside the form, in words
        phone.locator("#check-save").click();
        assertThat(phone.locator("#check-error")).containsText("Hãy chọn em có học trực tuyến được không");
        phone.locator("label[for='learning-PARTLY']").click();
        phone.locator("label[for='problem-SIM_EXPIRED']").click();
        phone.locator("#check-note").fill("Gói dữ liệu hết từ đầu tháng");
        noHorizontalScroll(phone);
        capture(phone, "followup-check-phone");
        phone.locator("#check-save").click();

        assertThat(phone.locator("#recorded")).containsText(handed.tag());
        assertThat(phone.locator("#recorded")).containsText("đội tình nguyện");
        phone.locator("#recorded a").click();
        assertThat(phone.locator("#case-status")).hasText("Chưa ai nhận");
        capture(phone, "followup-case-phone");

        phone.navigate(url("/followup/checks?show=DONE"));
        assertThat(phone.locator("#checks")).containsText("Một phần, lúc được lúc không");

        Page desk = desktop();
        signIn(desk, data.managerAccount.email(), TestFixtures.PASSWORD);
        desk.navigate(url("/followup/coverage?campaign=" + data.campaign()));
        assertThat(desk.locator("#coverage-total")).containsText("1 / 1 (100%)");
        assertThat(desk.locator("#coverage-schedule")).containsText("14, 60");
        capture(desk, "followup-coverage-desktop");
        Page small = phone();
        signIn(small, data.managerAccount.email(), TestFixtures.PASSWORD);
        small.navigate(url("/followup/coverage?campaign=" + data.campaign()));
        capture(small, "followup-coverage-phone");
        noHorizontalScroll(small);
    }

    private static void noHorizontalScroll(Page page) {
        Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(fits)
                .as("no horizontal scroll on %s", page.url())
                .isEqualTo(true);
    }
}
