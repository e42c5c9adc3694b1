package vn.cungem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.SignInAttempts;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 9, finding 2, against the real embedded Tomcat (MockMvc would skip the valve that decides): X-Forwarded-* are
 * believed only from {@code cungem.trusted-proxies}. Here that is 127.0.0.2, so a connection from any other loopback
 * address is an untrusted client sending whatever headers it likes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cungem.trusted-proxies=127.0.0.2")
@Import(TestFixtures.class)
class ForwardedHeadersIntegrationTests {

    private static final String PROXY = "127.0.0.2";

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    /** The untrusted client's own address: a random loopback address where the system allows it, else 127.0.0.1. */
    private String client;

    @BeforeEach
    void pickClient() {
        String random = "127." + ThreadLocalRandom.current().nextInt(10, 250) + "."
                + ThreadLocalRandom.current().nextInt(0, 250) + "."
                + ThreadLocalRandom.current().nextInt(3, 250);
        client = canBind(random) ? random : "127.0.0.1";
        forget(client);
    }

    @AfterEach
    void forgetClient() {
        forget(client);
    }

    @Test
    void anUntrustedClientRotatingXForwardedForIsStillHeldBack() throws Exception {
        Browser browser = new Browser(client);
        for (int i = 0; i <= SignInAttempts.ADDRESS_FREE; i++) {
            Response answer = browser.signIn(
                    "xoay-vong-" + java.util.UUID.randomUUID() + "@example.vn",
                    "sai-mat-khau",
                    Map.of("X-Forwarded-For", "198.51.100." + i));
            assertThat(answer.location()).endsWith("/login?error=failed");
        }
        Response held = browser.signIn(
                "xoay-vong-" + java.util.UUID.randomUUID() + "@example.vn",
                "sai-mat-khau",
                Map.of("X-Forwarded-For", "198.51.100.200"));
        assertThat(held.location()).endsWith("/login?error=throttled");
        assertThat(jdbc.sql("select count(*) from sign_in_throttle where client_key like 'ip:198.51.100.%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theAuditLogRecordsTheRealAddressNotTheClaimedOne() throws Exception {
        AccountDetails account = officer();
        Response answer = new Browser(client)
                .signIn(account.email(), TestFixtures.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.66"));
        assertThat(answer.location()).endsWith("/dashboard");
        assertThat(signedInFrom(account.id()))
                .contains("\"client\":\"" + client + "\"")
                .doesNotContain("203.0.113.66");
    }

    @Test
    void anUntrustedXForwardedHostDoesNotChangeRedirects() throws Exception {
        Response answer = new Browser(client)
                .send(
                        "GET",
                        "/account",
                        Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"),
                        null);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).doesNotContain("evil.example").doesNotStartWith("https:");
        Response forwarded = new Browser(client)
                .send("GET", "/account", Map.of("Forwarded", "host=evil.example;proto=https;for=203.0.113.66"), null);
        assertThat(forwarded.location()).doesNotContain("evil.example").doesNotStartWith("https:");
    }

    @Test
    void aTrustedProxysHeadersAreHonoured() throws Exception {
        assumeTrue(canBind(PROXY), "this system cannot connect from " + PROXY);
        forget("198.51.100.77");
        Response redirect = new Browser(PROXY)
                .send(
                        "GET",
                        "/account",
                        Map.of("X-Forwarded-Host", "cungem.example.vn", "X-Forwarded-Proto", "https"),
                        null);
        assertThat(redirect.location()).startsWith("https://cungem.example.vn/login");

        // The proxy appends the address it saw; whatever the client put in front is not believed.
        AccountDetails account = officer();
        Response answer = new Browser(PROXY)
                .signIn(
                        account.email(),
                        TestFixtures.PASSWORD,
                        Map.of("X-Forwarded-For", "203.0.113.66, 198.51.100.77"));
        assertThat(answer.location()).endsWith("/dashboard");
        assertThat(signedInFrom(account.id())).contains("\"client\":\"198.51.100.77\"");
        forget("198.51.100.77");
    }

    private AccountDetails officer() {
        long unit = fixtures.unit("Quận Proxy", "district", null);
        return fixtures.account(Role.SCHOOL_OFFICER, null, fixtures.school("Trường Proxy", unit), null);
    }

    private String signedInFrom(long accountId) {
        List<String> after = jdbc.sql("select after_json from audit_entry where entity_type = 'account'"
                        + " and entity_id = ? and action = 'SIGNED_IN' order by id desc")
                .param(String.valueOf(accountId))
                .query(String.class)
                .list();
        assertThat(after).isNotEmpty();
        return after.get(0).replace(" ", "");
    }

    private void forget(String address) {
        jdbc.sql("delete from sign_in_throttle where client_key = ?")
                .param("ip:" + address)
                .update();
    }

    private static boolean canBind(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    record Response(int status, Map<String, List<String>> headers, String body) {

        String location() {
            List<String> values = headers.get("location");
            return values == null ? "" : values.get(0);
        }
    }

    /** A client speaking HTTP/1.0 from a chosen local address, keeping the session cookie like a browser. */
    final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final String localAddress;
        private String cookie;

        Browser(String localAddress) {
            this.localAddress = localAddress;
        }

        Response signIn(String email, String password, Map<String, String> headers) throws IOException {
            Response page = send("GET", "/login", headers, null);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("CSRF token on the sign-in page").isTrue();
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            return send("POST", "/login", headers, form);
        }

        Response send(String method, String path, Map<String, String> headers, String form) throws IOException {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
                socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
                socket.setSoTimeout(30_000);
                StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
                request.append("Host: localhost:").append(port).append("\r\n");
                headers.forEach((name, value) ->
                        request.append(name).append(": ").append(value).append("\r\n"));
                if (cookie != null) {
                    request.append("Cookie: ").append(cookie).append("\r\n");
                }
                byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
                if (form != null) {
                    request.append("Content-Type: application/x-www-form-urlencoded\r\n");
                    request.append("Content-Length: ").append(body.length).append("\r\n");
                }
                request.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return read(socket.getInputStream());
            }
        }

        private Response read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                if (name.equals("set-cookie") && value.startsWith("CUNGEM_SESSION=")) {
                    cookie = value.substring(0, value.indexOf(';'));
                }
            }
            return new Response(status, headers, text.substring(end + 4));
        }
    }
}
