package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.TestFixtures;

/**
 * A manager walks the campaign form's four steps (basics → phases and targets → priority groups → items and
 * requirements) on a phone and on a laptop, with and without JavaScript: a mistake stops the step it is in, with the
 * summary linked to the field; rows added with the button are saved with the rest; nothing typed is lost between
 * steps; an edit opens on the last step's summary and leads back to the step to change.
 */
class CampaignFormRowsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerWalksTheStepsOnAPhone() {
        walkTheSteps(phone(), "phone");
    }

    @Test
    void rowsAddedWithTheButtonAreSaved() {
        walkTheSteps(desktop(), "desktop");
    }

    @Test
    void rowsAddedWithoutJavaScriptAreSavedToo() {
        walkTheSteps(withoutJavaScript(), "nojs");
    }

    private void walkTheSteps(Page page, String size) {
        String suffix = TestFixtures.unique("");
        long province = fixtures.unit("Tỉnh Thêm Dòng " + suffix, "province", null);
        String provinceCode = jdbc.sql("select code from administrative_unit where id = ?")
                .param(province)
                .query(String.class)
                .single();
        AccountDetails manager = fixtures.manager(province);
        signIn(page, manager.email(), TestFixtures.PASSWORD);
        List<Integer> heights = new ArrayList<>();

        page.navigate(url("/campaigns/new"));
        assertThat(page.locator("#campaign-step")).containsText("Bước 1 / 4");
        // step 1 without a name: the step stays, the summary links to the field, what was typed is kept
        page.locator("#code").fill("TD-" + suffix);
        page.locator("#organisingUnitCode").fill(provinceCode);
        page.locator("#campaign-next").click();
        assertThat(page.locator(".govuk-error-summary a[href='#name']")).isVisible();
        assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#code")).hasValue("TD-" + suffix);
        assertThat(page.locator("#campaign-step")).containsText("Bước 1 / 4");
        page.locator("#name").fill("Thêm dòng " + suffix);
        page.locator("input[name=eligibleLevels][value=PRIMARY]").check();
        heights.add(height(page, "campaign-step-1-" + size));
        page.locator("#campaign-next").click();

        assertThat(page.locator("#campaign-step")).containsText("Bước 2 / 4");
        assertThat(page.locator(".govuk-error-summary")).hasCount(0);
        assertThat(page.locator("#phase-rows fieldset").first()).isVisible();
        int phases = page.locator("#phase-rows fieldset").count();
        page.locator("#step-2 button[name=add][value=phase]").click();
        assertThat(page.locator("#phase-rows fieldset")).hasCount(phases + 1);
        page.locator("[name='phases[" + phases + "].name']").fill("Giai đoạn thêm");
        page.locator("[name='phases[" + phases + "].startsOn']").fill("2021-10-01");
        page.locator("[name='phases[" + phases + "].endsOn']").fill("2021-10-31");
        page.locator("[name='phases[" + phases + "].targetDevices']").fill("50");
        heights.add(height(page, "campaign-step-2-" + size));
        page.locator("#campaign-next").click();

        assertThat(page.locator("#campaign-step")).containsText("Bước 3 / 4");
        heights.add(height(page, "campaign-step-3-" + size));
        // back to step 2 and forward again: the phase typed there is still there
        page.locator("#campaign-back").click();
        assertThat(page.locator("#campaign-step")).containsText("Bước 2 / 4");
        assertThat(page.locator("[name='phases[0].name']")).hasValue("Giai đoạn thêm");
        next(page, 3);
        next(page, 4);

        assertThat(page.locator("#campaign-step")).containsText("Bước 4 / 4");
        assertThat(page.locator("#campaign-answers")).containsText("TD-" + suffix);
        assertThat(page.locator("#campaign-answers")).containsText("Giai đoạn thêm");
        page.locator("input[name=itemTypes][value=LAPTOP]").check();
        heights.add(height(page, "campaign-step-4-" + size));
        page.locator("#campaign-save").click();

        assertThat(page.locator("h1")).hasText("Thêm dòng " + suffix);
        assertThat(page.locator("main")).containsText("Giai đoạn thêm");

        // an edit opens on the summary; "change" beside the phases leads to their step, where a row is added
        page.navigate(page.url() + "/edit");
        assertThat(page.locator("#campaign-step")).containsText("Bước 4 / 4");
        page.locator("button[name=go][value=edit-2]").click();
        assertThat(page.locator("#campaign-step")).containsText("Bước 2 / 4");
        assertThat(page.locator("#phase-rows fieldset").first()).isVisible();
        int now = page.locator("#phase-rows fieldset").count();
        page.locator("#step-2 button[name=add][value=phase]").click();
        assertThat(page.locator("#phase-rows fieldset")).hasCount(now + 1);
        page.locator("[name='phases[" + now + "].name']").fill("Giai đoạn bổ sung");
        page.locator("[name='phases[" + now + "].startsOn']").fill("2021-11-01");
        next(page, 3);
        next(page, 4);
        page.locator("#campaign-save").click();
        assertThat(page.locator("main")).containsText("Giai đoạn bổ sung");
        assertThat(page.locator("main").innerText()).doesNotContain("Có lỗi cần sửa");
        System.out.println("campaign form heights (" + size + ", px per step): " + heights);
    }

    /** "Tiếp tục", then waits for the step it leads to: a click on a page still loading would post half a form. */
    private static void next(Page page, int step) {
        page.locator("#campaign-next").click();
        page.waitForLoadState();
        // a step that stays says why: the error summary's text in the failure message
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("#campaign-step").innerText())
                .as(() -> page.locator("main").innerText())
                .contains("Bước " + step + " / 4");
    }

    /** Checks the step (no sideways scrolling, no axe-core violation) and returns how tall the page is. */
    private int height(Page page, String name) {
        if (!name.endsWith("nojs")) { // axe-core is injected as a script
            assertThat(PageChecks.accessibility(page, name)).as(name).isEmpty();
        }
        PageWidth.assertNoHorizontalOverflow(page, name);
        capture(page, name);
        return ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
    }
}
