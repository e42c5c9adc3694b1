package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.TestFixtures;

/** A manager adds rows to the campaign form's repeated sections (htmx) and the added rows are saved with the rest. */
class CampaignFormRowsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void rowsAddedWithTheButtonAreSaved() {
        addAPhaseAndSave();
    }

    @Test
    void rowsAddedWithoutJavaScriptAreSavedToo() {
        withoutJavaScript();
        addAPhaseAndSave();
    }

    private void addAPhaseAndSave() {
        String suffix = TestFixtures.unique("");
        long province = fixtures.unit("Tỉnh Thêm Dòng " + suffix, "province", null);
        String provinceCode = jdbc.sql("select code from administrative_unit where id = ?")
                .param(province)
                .query(String.class)
                .single();
        AccountDetails manager = fixtures.manager(province);
        signIn(page, manager.email(), TestFixtures.PASSWORD);

        page.navigate(url("/campaigns/new"));
        page.locator("#code").fill("TD-" + suffix);
        page.locator("#name").fill("Thêm dòng " + suffix);
        page.locator("#organisingUnitCode").fill(provinceCode);
        page.locator("input[name=eligibleLevels][value=PRIMARY]").check();
        page.locator("input[name=itemTypes][value=LAPTOP]").check();
        int phases = page.locator("#phase-rows fieldset").count();
        page.locator("button[name=add][value=phase]").click();
        assertThat(page.locator("#phase-rows fieldset")).hasCount(phases + 1);
        page.locator("[name='phases[" + phases + "].name']").fill("Giai đoạn thêm");
        page.locator("[name='phases[" + phases + "].startsOn']").fill("2021-10-01");
        page.locator("[name='phases[" + phases + "].endsOn']").fill("2021-10-31");
        page.locator("[name='phases[" + phases + "].targetDevices']").fill("50");
        page.locator("#campaign-form button[type=submit]:not([name=add])").click();

        assertThat(page.locator("h1")).hasText("Thêm dòng " + suffix);
        assertThat(page.locator("main")).containsText("Giai đoạn thêm");

        // and again when the campaign is edited, where the priority groups come back from the saved campaign
        page.navigate(page.url() + "/edit");
        int now = page.locator("#phase-rows fieldset").count();
        page.locator("button[name=add][value=phase]").click();
        assertThat(page.locator("#phase-rows fieldset")).hasCount(now + 1);
        page.locator("[name='phases[" + now + "].name']").fill("Giai đoạn bổ sung");
        page.locator("[name='phases[" + now + "].startsOn']").fill("2021-11-01");
        page.locator("#campaign-form button[type=submit]:not([name=add])").click();
        assertThat(page.locator(".govuk-error-summary")).hasCount(0);
        assertThat(page.locator("main")).containsText("Giai đoạn bổ sung");
    }
}
