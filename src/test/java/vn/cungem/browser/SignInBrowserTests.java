package vn.cungem.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
    void wrongPasswordShowsTheVietnameseError() {
        AccountDetails admin = fixtures.admin();

        signIn(page, admin.email(), "khong-dung-mat-khau");

        assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                .hasText("Email hoặc mật khẩu không đúng.");
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
