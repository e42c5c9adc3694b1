package vn.cungem.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Sign-in requests from a chosen client address, so throttling in one test never touches another. */
final class SignIns {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger((int) (System.nanoTime() % 50_000));

    private SignIns() {}

    static String newClientAddress() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** An email no account has, different at every call and every run (the PostgreSQL test database is kept). */
    static String unknownEmail() {
        return "vo-danh-" + java.util.UUID.randomUUID() + "@example.vn";
    }

    static MockHttpServletRequestBuilder signIn(String email, String password, String clientAddress) {
        return post("/login")
                .param("username", email)
                .param("password", password)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                });
    }
}
