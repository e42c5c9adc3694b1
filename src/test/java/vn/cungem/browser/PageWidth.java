package vn.cungem.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;

/** Issue 12: no page scrolls sideways on a phone; the page is never wider than the window. */
final class PageWidth {

    private PageWidth() {}

    static void assertNoHorizontalOverflow(Page page, String name) {
        page.waitForLoadState();
        List<?> widths = (List<?>) page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]");
        int scrollWidth = ((Number) widths.get(0)).intValue();
        int innerWidth = ((Number) widths.get(1)).intValue();
        assertThat(scrollWidth)
                .as(name + ": the page is " + scrollWidth + " px wide in a " + innerWidth + " px window")
                .isLessThanOrEqualTo(innerWidth);
    }
}
