package vn.cungem.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SignInAddressTests {

    @Test
    void theDefaultBaseUrlGetsThePortTheServerListensOn() {
        assertThat(SignInAddress.of("http://localhost:8080", 9090)).isEqualTo("http://localhost:9090/login");
        assertThat(SignInAddress.of("http://127.0.0.1:8080/", 8181)).isEqualTo("http://127.0.0.1:8181/login");
        assertThat(SignInAddress.of("http://[::1]:8080", 8181)).isEqualTo("http://[::1]:8181/login");
        assertThat(SignInAddress.of("http://localhost", 8080)).isEqualTo("http://localhost:8080/login");
        assertThat(SignInAddress.of("http://LOCALHOST:8080/cungem", 9090))
                .isEqualTo("http://LOCALHOST:9090/cungem/login");
    }

    @Test
    void aPublicBaseUrlIsPrintedAsConfigured() {
        assertThat(SignInAddress.of("https://demo.cungem.vn", 9090)).isEqualTo("https://demo.cungem.vn/login");
        assertThat(SignInAddress.of("http://10.0.0.5:8080/", 9090)).isEqualTo("http://10.0.0.5:8080/login");
    }

    @Test
    void withoutAServerOrABaseUrlTheDefaultsStand() {
        assertThat(SignInAddress.of("http://localhost:8080", null)).isEqualTo("http://localhost:8080/login");
        assertThat(SignInAddress.of(null, null)).isEqualTo("http://localhost:8080/login");
        assertThat(SignInAddress.of(" ", 7070)).isEqualTo("http://localhost:7070/login");
        assertThat(SignInAddress.of("not a url at all", 7070)).isEqualTo("not a url at all/login");
    }

    @Test
    void readsThePortSpringBootPublishesOnceTheServerHasStarted() {
        MockEnvironment started = new MockEnvironment()
                .withProperty("cungem.base-url", "http://localhost:8080")
                .withProperty("server.port", "0")
                .withProperty("local.server.port", "41234");
        assertThat(SignInAddress.of(started)).isEqualTo("http://localhost:41234/login");
        assertThat(SignInAddress.of(new MockEnvironment())).isEqualTo("http://localhost:8080/login");
    }
}
