package vn.cungem.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Issue 12's "Done when" for one page: no sideways scrolling on a phone (360 and 390 px wide), no axe-core violation of
 * WCAG 2.2 AA (axe-core 4.11, injected by Deque's Playwright binding), and a screenshot under
 * {@code target/screenshots/} for a person to look at. Returns what is wrong, one line per problem, so a walk over many
 * pages can report them all at once.
 */
public final class PageChecks {

    /** The axe-core tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    public static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    public static final int[] PHONE_WIDTHS = {360, 390};

    private PageChecks() {}

    /** The page as it is now, at its current viewport: axe-core and a screenshot named {@code name}. */
    public static List<String> accessibility(Page page, String name) {
        screenshot(page, name);
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            String where =
                    rule.getNodes().stream().limit(3).map(PageChecks::target).collect(Collectors.joining(" | "));
            problems.add("axe " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                    + rule.getNodes().size() + "× e.g. " + where);
        }
        return problems;
    }

    /**
     * On a phone-sized page: the document is no wider than the screen at 360 and at 390 px; restores the viewport it
     * found.
     */
    public static List<String> noSidewaysScroll(Page page) {
        ViewportSize before = page.viewportSize();
        List<String> problems = new ArrayList<>();
        for (int width : PHONE_WIDTHS) {
            page.setViewportSize(width, before.height);
            Object[] measured = measure(page);
            int scrollWidth = ((Number) measured[0]).intValue();
            int innerWidth = ((Number) measured[1]).intValue();
            if (scrollWidth > innerWidth) {
                problems.add("scrolls sideways at " + width + " px: the page is " + scrollWidth + " px wide ("
                        + measured[2] + ")");
            }
        }
        page.setViewportSize(before.width, before.height);
        return problems;
    }

    /** [scrollWidth, innerWidth, the widest element that sticks out] */
    private static Object[] measure(Page page) {
        Object result = page.evaluate("""
                () => {
                  const w = window.innerWidth;
                  let worst = '', right = w;
                  for (const e of document.body.querySelectorAll('*')) {
                    const r = e.getBoundingClientRect().right;
                    if (r > right + 0.5) {
                      right = r;
                      worst = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                          + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
                    }
                  }
                  return [document.documentElement.scrollWidth, w, worst || 'nothing measurable'];
                }""");
        return ((List<?>) result).toArray();
    }

    public static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(BrowserTest.SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = BrowserTest.SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]+", "_") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    private static String target(CheckedNode node) {
        return String.valueOf(node.getTarget());
    }
}
