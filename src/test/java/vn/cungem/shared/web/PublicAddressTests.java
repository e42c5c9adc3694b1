package vn.cungem.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

class PublicAddressTests {

    @Test
    void aTryItOutRunLinksToThePortTheServerListensOn() {
        PublicAddress address = new PublicAddress("http://localhost:8080/");
        assertThat(address.link("/public/track/ABC")).isEqualTo("http://localhost:8080/public/track/ABC");

        address.onApplicationEvent(started(41234, null));

        assertThat(address.link("/public/track/ABC")).isEqualTo("http://localhost:41234/public/track/ABC");
        assertThat(address.link("login")).isEqualTo("http://localhost:41234/login");
    }

    @Test
    void aPublicAddressIsKeptWhateverPortTheServerHasBehindTheProxy() {
        PublicAddress address = new PublicAddress("https://thu.cungem.vn");
        address.onApplicationEvent(started(8443, null));
        assertThat(address.base()).isEqualTo("https://thu.cungem.vn");
    }

    @Test
    void theManagementServerIsNotWherePeopleGo() {
        PublicAddress address = new PublicAddress("http://127.0.0.1:8080");
        address.onApplicationEvent(started(9001, "management"));
        assertThat(address.base()).isEqualTo("http://127.0.0.1:8080");
    }

    private static WebServerInitializedEvent started(int port, String namespace) {
        WebServerInitializedEvent event = mock(WebServerInitializedEvent.class, RETURNS_DEEP_STUBS);
        when(event.getWebServer().getPort()).thenReturn(port);
        when(event.getApplicationContext().getServerNamespace()).thenReturn(namespace);
        return event;
    }
}
