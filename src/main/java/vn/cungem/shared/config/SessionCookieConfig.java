package vn.cungem.shared.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, stated once: sessions live in the database (Spring Session JDBC), so the cookie is the only
 * thing a browser holds. HttpOnly and SameSite=Lax always; Secure in production ({@code cungem.session.secure-cookie},
 * set by the prod profile), where the site is served over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfig {

    static final String COOKIE_NAME = "CUNGEM_SESSION";

    @Bean
    CookieSerializer cookieSerializer(@Value("${cungem.session.secure-cookie:false}") boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        serializer.setCookiePath("/");
        return serializer;
    }
}
