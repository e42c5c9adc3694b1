package vn.cungem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The demo's start-up banner says where to sign in: on the port the server listens on, whatever it was set to. */
class DemoSignInBannerTests {

    private static final DemoDataSeeder.SeededAccounts SEEDED = new DemoDataSeeder.SeededAccounts(
            List.of(new DemoDataSeeder.DemoAccount(
                    "quan-ly-nha-be", "Quản lý Nhà Bè", "PROGRAMME_MANAGER", 1L, null, null, null)),
            "CungEm-abcd-efgh-jkmn-pqrs");

    private static String banner(MockEnvironment environment) {
        return new DemoDataSeeder(null, null, null, null, null, null, null, environment).banner(SEEDED);
    }

    @Test
    void printsThePortTheServerListensOnNotAlways8080() {
        // as application.yml leaves it when CUNGEM_BASE_URL is not set, with --server.port=9090 (or SERVER_PORT)
        MockEnvironment onAnotherPort = new MockEnvironment()
                .withProperty("cungem.base-url", "http://localhost:8080")
                .withProperty("server.port", "9090")
                .withProperty("local.server.port", "9090");

        String banner = banner(onAnotherPort);

        assertThat(banner)
                .contains("Đăng nhập tại / sign in at http://localhost:9090/login")
                .doesNotContain("8080")
                .contains("quan-ly-nha-be@demo.cungem.local")
                .contains("CungEm-abcd-efgh-jkmn-pqrs");
    }

    @Test
    void aPublicAddressIsPrintedAsConfigured() {
        MockEnvironment behindAProxy = new MockEnvironment()
                .withProperty("cungem.base-url", "https://thu.cungem.vn")
                .withProperty("local.server.port", "9090");

        assertThat(banner(behindAProxy)).contains("sign in at https://thu.cungem.vn/login");
    }
}
