package vn.cungem.shared.web;

import org.springframework.core.env.Environment;

/**
 * The address printed at start-up for signing in ({@code .../login}). It is {@code cungem.base-url}, except that a base
 * URL on this machine (localhost, 127.0.0.1, ::1; the default is {@code http://localhost:8080}) gets the port the server
 * really listens on: {@code --server.port=9090}, {@code SERVER_PORT} or a random port would otherwise be printed as
 * 8080. A public base URL (a proxy in front, https) is printed as configured.
 */
public final class SignInAddress {

    /** Where Spring Boot puts the port the embedded server listens on once it has started. */
    static final String LOCAL_SERVER_PORT = "local.server.port";

    private SignInAddress() {}

    /** The sign-in page's address from the environment of a started application. */
    public static String of(Environment environment) {
        return of(
                environment.getProperty("cungem.base-url", PublicAddress.DEFAULT_BASE_URL),
                environment.getProperty(LOCAL_SERVER_PORT, Integer.class));
    }

    /**
     * The sign-in page's address for a base URL and the port the server listens on ({@code null} or not positive when
     * there is no server, as in tests without one: the base URL is then used as it is).
     */
    public static String of(String baseUrl, Integer listeningPort) {
        return PublicAddress.of(baseUrl, listeningPort) + "/login";
    }
}
