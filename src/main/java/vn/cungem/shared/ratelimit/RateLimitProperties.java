package vn.cungem.shared.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cungem.rate-limits.<name>.capacity} requests per {@code cungem.rate-limits.<name>.period}; the names and the
 * reasons for the numbers are in application.yml.
 */
@ConfigurationProperties("cungem")
record RateLimitProperties(Map<String, Limit> rateLimits) {

    RateLimitProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    record Limit(long capacity, Duration period) {

        Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive period: "
                        + capacity + "/" + period);
            }
        }
    }
}
