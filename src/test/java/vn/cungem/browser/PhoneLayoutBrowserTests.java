package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.donation.pledge.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.student.Students;
import vn.cungem.testsupport.TestFixtures;
import vn.cungem.testsupport.TestStudents;

/**
 * Issue 12's findings in the student and donation pages, at a 390×844 phone and a 1366×900 laptop: the student list no
 * wider than the phone, the registration form's priority checkboxes one per line with large targets, the donations
 * overview's figures and links inside their rows with no stray ":" or "·".
 */
class PhoneLayoutBrowserTests extends BrowserTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    Students students;

    @Autowired
    CollectionPoints points;

    @Test
    void theStudentListAndTheRegistrationFormFitAPhone() {
        StudentArea area = StudentArea.create(
                fixtures,
                campaigns,
                "Thành phố Hồ Chí Minh",
                "Thành phố Thủ Đức",
                "Phường Linh Xuân",
                "Trường Tiểu học Linh Xuân có một cái tên rất dài để thử màn hình điện thoại",
                "LX-",
                "Hỗ trợ máy tính cho học sinh Linh Xuân");
        // long names and several categories: what made the old table 465 px wide
        for (String name : List.of("Nguyễn Hoàng Bảo Ngọc Trâm Anh", "Lê Văn Tám")) {
            TestStudents.register(
                    students,
                    area.campaign(),
                    area.school(),
                    name,
                    area.officer().caller());
        }

        Page phone = phone();
        signIn(phone, area.officer().email(), TestFixtures.PASSWORD);
        phone.navigate(url("/campaigns/" + area.campaign() + "/students"));
        assertThat(phone.locator("#decide tbody tr")).hasCount(2);
        fits(phone, "student-list-phone");

        phone.navigate(url("/campaigns/" + area.campaign() + "/students/new"));
        assertThat(phone.locator("#fullName")).isVisible();
        fits(phone, "student-form-phone");
        // one checkbox per line, each a large target: the boxes of different categories never share a line
        Locator items = phone.locator("#priority-inputs .govuk-checkboxes__item:has(input[name=categories])");
        assertThat(items).hasCount(8);
        List<Double> tops = new ArrayList<>();
        for (int i = 0; i < items.count(); i++) {
            BoundingBox box = items.nth(i).locator("input").boundingBox();
            assertThat(box.height).as("checkbox " + i + " is a large target").isGreaterThanOrEqualTo(40);
            tops.add(box.y);
        }
        assertThat(tops).doesNotHaveDuplicates().isSorted();
        // the label names the box it belongs to
        phone.locator("label[for=category-0]").click();
        assertThat(phone.locator("#category-0")).isChecked();

        Page laptop = desktop();
        signIn(laptop, area.manager().email(), TestFixtures.PASSWORD);
        laptop.navigate(url("/campaigns/" + area.campaign() + "/students"));
        fits(laptop, "student-list-desktop");
        laptop.navigate(url("/campaigns/" + area.campaign() + "/students/new"));
        fits(laptop, "student-form-desktop");
    }

    @Test
    void theDonationsOverviewKeepsItsFiguresAndLinksInTheirRows() {
        long province = fixtures.unit("Tỉnh Tổng Quan " + TestFixtures.unique(""), "province", null);
        long ward = fixtures.unit("Phường Tổng Quan", "commune", province);
        AccountDetails manager = fixtures.manager(province);
        Campaign campaign = DonationTestData.activeCampaign(campaigns, province, manager.caller());
        DonationTestData.point(points, campaign.id(), ward, manager.caller());

        for (String size : List.of("phone", "desktop")) {
            // one context at a time: opening the next one closes the last
            Page page = size.equals("phone") ? phone() : desktop();
            signIn(page, manager.email(), TestFixtures.PASSWORD);
            page.navigate(url("/campaigns/" + campaign.id() + "/donations"));
            // no bank account yet: the checklist says so and links to where it is set
            assertThat(page.locator("#go-live-hasBankAccount")).containsText("Còn thiếu");
            assertThat(page.locator("#go-live-hasCollectionPoint")).not().containsText("Còn thiếu");
            fits(page, "donations-overview-" + size);
            Locator rows = page.locator("#donation-figures .govuk-summary-list__row");
            assertThat(rows).hasCount(7);
            for (int i = 0; i < rows.count(); i++) {
                BoundingBox row = rows.nth(i).boundingBox();
                Locator parts = rows.nth(i).locator("dd, dt, a");
                for (int j = 0; j < parts.count(); j++) {
                    BoundingBox part = parts.nth(j).boundingBox();
                    assertThat(part.y).as("row " + i + " part " + j + " top").isGreaterThanOrEqualTo(row.y - 1);
                    assertThat(part.y + part.height)
                            .as("row " + i + " part " + j + " bottom")
                            .isLessThanOrEqualTo(row.y + row.height + 1);
                }
            }
            // punctuation never stands on a line of its own
            Object stray =
                    page.evaluate("() => [...document.querySelectorAll('main *')].filter(e => e.children.length === 0"
                            + " && [':', '·', '—'].includes(e.textContent.trim())).length");
            assertThat(((Number) stray).intValue()).isZero();
        }
    }

    @Test
    void theHeaderIsOneLineOnAPhoneAndTheSessionIsInTheMenu() {
        long province = fixtures.unit(TestFixtures.unique("Tỉnh Đầu Trang "), "province", null);
        long commune = fixtures.unit("Xã Đầu Trang", "commune", province);
        long school = fixtures.school("Trường Tiểu học Đầu Trang", commune);
        AccountDetails officer = fixtures.account(vn.cungem.shared.security.Role.SCHOOL_OFFICER, null, school, null);
        Page phone = phone();
        signIn(phone, officer.email(), TestFixtures.PASSWORD);
        phone.navigate(url("/dashboard"));
        // the service name and the language switch share one line: the header is as tall as one line of it
        BoundingBox bar = phone.locator(".app-header__bar").boundingBox();
        BoundingBox name = phone.locator(".app-header__name").boundingBox();
        assertThat(bar.height).isLessThan(name.height * 2 + 20);
        // account and sign out wait in the menu, named as a person, never by a role code
        assertThat(phone.locator("#nav-account")).not().isVisible();
        phone.locator(".govuk-service-navigation__toggle").click();
        assertThat(phone.locator("#nav-account")).isVisible();
        assertThat(phone.locator("#nav-account")).containsText(officer.caller().displayName());
        assertThat(phone.locator("#nav-account")).not().containsText("_");
        assertThat(phone.locator("#nav-logout")).isVisible();
        fits(phone, "header-menu-open-phone");

        Page laptop = desktop();
        signIn(laptop, officer.email(), TestFixtures.PASSWORD);
        laptop.navigate(url("/dashboard"));
        assertThat(laptop.locator("#nav-account")).isVisible();
        assertThat(laptop.locator("#nav-logout")).isVisible();
        fits(laptop, "header-desktop");
        laptop.locator("#nav-logout").click();
        assertThat(laptop.locator("#nav-account")).hasCount(0);
    }

    private void fits(Page page, String name) {
        PageWidth.assertNoHorizontalOverflow(page, name);
        capture(page, name);
    }
}
