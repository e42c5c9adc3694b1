package vn.cungem.shared.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.cungem.shared.text.Bundles;

/**
 * Which peers may tell us the client's address, scheme and host: {@code cungem.trusted-proxies}, a comma-separated list
 * of IP addresses and CIDR ranges (loopback in the try-it-out mode, none in the prod profile). Tomcat's own
 * {@link RemoteIpValve} does the work: only when the connection comes from one of these addresses does it read
 * {@code X-Forwarded-For} (walking it from the right, skipping the listed proxies, so a client cannot prepend its own
 * entry), {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port}; from any other peer they are
 * ignored and the address is the TCP peer's. With an empty list no valve is installed at all. The RFC 7239
 * {@code Forwarded} header is never read ({@code server.forward-headers-strategy: none}, so Spring's
 * ForwardedHeaderFilter, which trusted anyone, is not installed).
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxiesConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesValve(
            @Value("${cungem.trusted-proxies:}") String configured) {
        List<String> ranges = ranges(configured);
        return factory -> {
            if (!ranges.isEmpty()) {
                factory.addEngineValves(valve(ranges));
            }
        };
    }

    static RemoteIpValve valve(List<String> ranges) {
        RemoteIpValve valve = new RemoteIpValve();
        // Tomcat reads the value as CIDR ranges (not a regular expression) because every entry has a "/".
        valve.setInternalProxies(String.join(",", ranges));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return valve;
    }

    /**
     * The configured entries as CIDR ranges ("127.0.0.1" becomes "127.0.0.1/32"); an entry that is neither an IP
     * address nor a range stops start-up with a message naming it, rather than being silently ignored.
     */
    static List<String> ranges(String configured) {
        List<String> ranges = new ArrayList<>();
        if (configured == null) {
            return ranges;
        }
        for (String raw : configured.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String range = entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
            String address = range.substring(0, range.indexOf('/'));
            // An IP literal only: NetMask would otherwise look a host name up in DNS.
            if (!address.matches("[0-9.]+") && !(address.contains(":") && address.matches("[0-9a-fA-F:.]+"))) {
                throw invalid(entry, null);
            }
            try {
                new NetMask(range);
            } catch (IllegalArgumentException e) {
                throw invalid(entry, e);
            }
            ranges.add(range);
        }
        return ranges;
    }

    private static IllegalStateException invalid(String entry, Exception cause) {
        return new IllegalStateException(
                Bundles.vi("startup.trusted-proxies", entry) + " / " + Bundles.en("startup.trusted-proxies", entry),
                cause);
    }
}
