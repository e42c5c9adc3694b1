package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The browser tests' assertions wait as long as their actions: a page that answers after Playwright's default 5 s (a
 * slow shared CI machine) still passes. The page here adds its text 6 s after it loads, by a timer in the page itself.
 */
class BrowserTestTimeoutTests extends BrowserTest {

    @Test
    void anAssertionWaitsLongerThanPlaywrightsDefaultFiveSeconds() {
        page.setContent("<main id=\"main\"></main><script>setTimeout(function () {"
                + " document.getElementById('main').textContent = 'Đã xong'; }, 6000);</script>");
        assertThat(page.locator("#main")).hasText("Đã xong");
    }
}
