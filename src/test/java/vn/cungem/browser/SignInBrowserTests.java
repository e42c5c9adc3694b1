package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.testsupport.TestFixtures;

class SignInBrowserTests extends BrowserTest {

    @Test
    void managerSignsInOnAPhoneAndSeesTheDashboard() {
        long district = fixtures.unit("Thành phố Thủ Đức", "district", null);
        AccountDetails manager = fixtures.manager(district);

        phone();
        signIn(page, manager.email(), TestFixtures.PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
        assertThat(page.locator("h1")).hasText("Tổng quan");
        assertThat(page.locator("main")).containsText(manager.fullName());
    }

    @Test
    void pagesLoadWithoutAConsoleErrorOrAMissingIcon() {
        long district = fixtures.unit("Quận Bảng Điều Khiển", "district", null);
        AccountDetails manager = fixtures.manager(district);
        phone();
        List<String> errors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                errors.add(r.status() + " " + r.url());
            }
        });
        signIn(page, manager.email(), TestFixtures.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/dashboard$"));
        page.navigate(url("/campaigns"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        org.assertj.core.api.Assertions.assertThat(errors)
                .as("console errors (a Content-Security-Policy refusal among them) and failed requests")
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("link[rel=icon]").getAttribute("href"))
                .endsWith("/img/favicon.svg");
    }

    @Test
    void wrongPasswordShowsTheVietnameseError() {
        AccountDetails admin = fixtures.admin();

        signIn(page, admin.email(), "khong-dung-mat-khau");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .containsText("Email hoặc mật khẩu không đúng.");
    }

    @Test
    void switchesTheInterfaceToEnglishAndKeepsIt() {
        page.navigate(url("/login"));
        assertThat(page.locator("h1")).hasText("Đăng nhập");

        page.locator("a.lang").click();

        assertThat(page.locator("h1")).hasText("Sign in");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.navigate(url("/login"));
        assertThat(page.locator("h1")).hasText("Sign in");
        assertThat(page.locator("a.lang")).hasText("Tiếng Việt");
    }
}
