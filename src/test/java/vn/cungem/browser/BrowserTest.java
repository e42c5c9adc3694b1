package vn.cungem.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.cungem.testsupport.TestFixtures;

/**
 * A journey through real pages in headless Chromium against the application on a random port and the run's database.
 * Debian's {@code /usr/bin/chromium} is used when present (CI installs it; no download needed); otherwise Playwright
 * downloads its own browser. One browser per test class, a fresh context (cookies, storage) per test; a screenshot of
 * the page goes to {@code target/screenshots/} when a test fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestFixtures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    public static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * How long an action (click, fill) and an assertion ({@code assertThat(locator).hasText(...)}) wait, one figure for
     * both: Playwright's assertions give up after 5 s by default, too soon on a busy shared CI machine.
     */
    public static final double TIMEOUT_MS = 15_000;

    private static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestFixtures fixtures;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    protected Page page;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = extension -> {
        if (extension.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            Files.createDirectories(SCREENSHOTS);
            String name = extension.getRequiredTestClass().getSimpleName() + "-"
                    + extension.getRequiredTestMethod().getName() + ".png";
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name))
                    .setFullPage(true));
        }
    };

    @BeforeAll
    void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        BrowserType.LaunchOptions options =
                new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_ARGS);
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            options.setExecutablePath(SYSTEM_CHROMIUM);
        } else {
            playwright = Playwright.create();
        }
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openDesktopContext() {
        desktop();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
    }

    /** A fresh phone-sized context (390×844, touch), as volunteers and school officers mostly use; returns its page. */
    protected Page phone() {
        return open(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(3)
                .setIsMobile(true)
                .setHasTouch(true));
    }

    /** A fresh desktop context (1366×900, the commonest office laptop screen); returns its page. */
    protected Page desktop() {
        return open(new Browser.NewContextOptions().setViewportSize(1366, 900));
    }

    /** A fresh desktop context with JavaScript off: pages must still work as plain forms (progressive enhancement). */
    protected Page withoutJavaScript() {
        return open(new Browser.NewContextOptions().setViewportSize(1366, 900).setJavaScriptEnabled(false));
    }

    private Page open(Browser.NewContextOptions options) {
        closeContext();
        context = browser.newContext(options.setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
        context.setDefaultTimeout(TIMEOUT_MS);
        page = context.newPage();
        return page;
    }

    /**
     * With {@code -Dcungem.screenshots=true}, keeps a full-page screenshot of {@code page} as
     * {@code target/screenshots/<name>.png}, so a person can look at the pages a journey went through (a green test
     * does not show a broken layout). Off by default: it costs time and disk.
     */
    protected void capture(Page page, String name) {
        if (!Boolean.getBoolean("cungem.screenshots")) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the sign-in form and waits for the page that follows. */
    protected void signIn(Page page, String email, String password) {
        page.navigate(url("/login"));
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForLoadState();
    }
}
