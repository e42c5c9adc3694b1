package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.TestFixtures;

/**
 * The foundation's journey: a province manager signs in, finds a district by typing it without diacritics, walks down
 * the tree to a ward, then creates a campaign with a phase, a milestone and targets, and sees it saved.
 */
class UnitTreeAndCampaignBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void managerBrowsesTheTreeAndCreatesACampaign() {
        String suffix = TestFixtures.unique("");
        long province = fixtures.unit("Tỉnh Hành Trình " + suffix, "province", null);
        long district = fixtures.unit("Thành phố Thủ Đức " + suffix, "district", province);
        fixtures.unit("Phường Linh Xuân " + suffix, "commune", district);
        String provinceCode = jdbc.sql("select code from administrative_unit where id = ?")
                .param(province)
                .query(String.class)
                .single();
        AccountDetails manager = fixtures.manager(province);

        signIn(page, manager.email(), TestFixtures.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tổng quan")))
                .isVisible();

        page.getByRole(AriaRole.NAVIGATION).getByText("Đơn vị hành chính").click();
        page.locator("#q").fill("thu duc " + suffix);
        page.locator("#q").press("Enter");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Thành phố Thủ Đức " + suffix))
                .click();
        assertThat(page.locator("h1")).containsText("Thủ Đức");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Phường Linh Xuân " + suffix))
                .click();
        assertThat(page.locator("h1")).containsText("Linh Xuân");

        page.navigate(url("/campaigns"));
        // a link styled as a button says so to assistive technology (role="button")
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tạo chương trình"))
                .click();
        String code = "HT-" + suffix;
        page.locator("#code").fill(code);
        page.locator("#name").fill("Sóng và máy tính cho em " + suffix);
        // the organiser is picked by name, typed without diacritics; the field then holds the unit's code
        page.locator("#organisingUnitCode").fill("");
        page.locator("#organisingUnitCode").pressSequentially("hanh trinh " + suffix);
        Locator offered = page.locator("#organisingUnitCode-choices option[value='" + provinceCode + "']");
        assertThat(offered).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(offered.textContent()).startsWith("Tỉnh Hành Trình " + suffix);
        page.locator("#organisingUnitCode").fill(offered.getAttribute("value"));
        page.locator("input[name=eligibleLevels][value=PRIMARY]").check();
        page.locator("input[name=eligibleLevels][value=LOWER_SECONDARY]").check();
        page.locator("#campaign-next").click();
        page.locator("[name='phases[0].name']").fill("Giai đoạn 1");
        page.locator("[name='phases[0].startsOn']").fill("2021-09-17");
        page.locator("[name='phases[0].endsOn']").fill("2021-09-30");
        page.locator("[name='phases[0].targetDevices']").fill("3200");
        page.locator("[name='milestones[0].startsOn']").fill("2021-09-15");
        page.locator("[name='milestones[0].title']").fill("Lễ phát động cuộc vận động");
        page.locator("#campaign-next").click();
        page.locator("#campaign-next").click();
        page.locator("input[name=itemTypes][value=LAPTOP]").check();
        page.locator("input[name=itemTypes][value=SIM_4G]").check();
        page.locator("#campaign-save").click();

        assertThat(page.locator("h1")).hasText("Sóng và máy tính cho em " + suffix);
        assertThat(page.locator("main")).containsText("Giai đoạn 1");
        assertThat(page.locator("main")).containsText("15/09/2021");
        assertThat(page.locator("main")).containsText("Lễ phát động cuộc vận động");
    }

    @Test
    void campaignFormShowsErrorsInVietnameseAndKeepsWhatWasTyped() {
        long province = fixtures.unit("Tỉnh Lỗi " + TestFixtures.unique(""), "province", null);
        AccountDetails manager = fixtures.manager(province);
        signIn(page, manager.email(), TestFixtures.PASSWORD);

        page.navigate(url("/campaigns/new"));
        page.locator("#code").fill("LOI-" + TestFixtures.unique(""));
        page.locator("#name").fill("Chương trình thiếu đơn vị");
        page.locator("#organisingUnitCode").fill("KHONG-CO-MA-NAY");
        page.locator("#campaign-next").click();

        assertThat(page.locator(".govuk-error-summary")).isVisible();
        assertThat(page.locator("#name")).hasValue("Chương trình thiếu đơn vị");
    }
}
