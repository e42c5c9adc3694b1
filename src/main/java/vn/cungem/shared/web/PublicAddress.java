package vn.cungem.shared.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The one address every link the system writes starts with (invitation and password mails, pledge confirmations,
 * receipts and certificates, QR labels): {@code cungem.base-url}. A base URL on this machine (localhost, 127.0.0.1,
 * ::1; the default is {@code http://localhost:8080}) gets the port the server really listens on, learnt when it
 * starts, so a try-it-out run on {@code --server.port=9090} or a random port does not hand out links to 8080. A public
 * address (a proxy in front, https) is used as configured.
 */
@Component
public class PublicAddress implements ApplicationListener<WebServerInitializedEvent> {

    static final String DEFAULT_BASE_URL = "http://localhost:8080";
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String configured;
    private volatile Integer listeningPort;

    public PublicAddress(@Value("${cungem.base-url:" + DEFAULT_BASE_URL + "}") String configured) {
        this.configured = configured;
    }

    /** An address that never learns a port: for plain tests and tools that run without a server. */
    public static PublicAddress fixed(String baseUrl) {
        return new PublicAddress(baseUrl);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server (if on its own port) is not where people go
        if (event.getApplicationContext().getServerNamespace() == null) {
            listeningPort = event.getWebServer().getPort();
        }
    }

    /** The base, without a trailing slash. */
    public String base() {
        return of(configured, listeningPort);
    }

    /** The full address of a path on this site ({@code /public/track/ABC} → {@code https://…/public/track/ABC}). */
    public String link(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * The base for a configured URL and the port the server listens on ({@code null} or not positive when there is no
     * server: the configured URL is then used as it is).
     */
    public static String of(String baseUrl, Integer port) {
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (port == null || port <= 0) {
            return base;
        }
        try {
            URI uri = new URI(base);
            if (uri.getHost() == null || !THIS_MACHINE.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                return base;
            }
            return new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), port, uri.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return base;
        }
    }
}
