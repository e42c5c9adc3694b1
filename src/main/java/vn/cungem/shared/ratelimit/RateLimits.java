package vn.cungem.shared.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.cungem.shared.TooManyRequestsException;

/**
 * Limits on how often the public forms and APIs may be used, counted per client address and per target email address
 * in token buckets kept in the database (Bucket4j), so that every node shares the count. Each limit is named and
 * configured under {@code cungem.rate-limits} (see application.yml for the numbers and why).
 *
 * <p>A bucket's row key is the limit's name, its numbers and a SHA-256 of the subject: no address or email is stored in
 * clear, and changing a limit's numbers starts fresh buckets rather than keeping the old ones' configuration.
 *
 * <p>If the database cannot be asked (a lock wait, an outage), the request goes through and a warning is logged: the
 * limits guard against abuse, and a public form must not fail because its counter did.
 */
@Component
public class RateLimits {

    // The names the modules use; each must be configured under cungem.rate-limits.
    public static final String PASSWORD_RESET_PER_CLIENT = "password-reset-per-client";
    public static final String PASSWORD_RESET_PER_EMAIL = "password-reset-per-email";
    public static final String SIGN_UP_PER_CLIENT = "sign-up-per-client";
    public static final String SIGN_UP_PER_EMAIL = "sign-up-per-email";
    public static final String PLEDGE_PER_CLIENT = "pledge-per-client";
    public static final String PLEDGE_PER_EMAIL = "pledge-per-email";
    public static final String LOOKUP_PER_CLIENT = "lookup-per-client";
    public static final String CERTIFICATE_PER_CLIENT = "certificate-per-client";

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final ProxyManager<String> buckets;
    private final RateLimitProperties properties;
    private final MessageSource messages;

    RateLimits(ProxyManager<String> buckets, RateLimitProperties properties, MessageSource messages) {
        this.buckets = buckets;
        this.properties = properties;
        this.messages = messages;
    }

    /**
     * Counts one request from the client's address against the limit.
     *
     * @throws TooManyRequestsException when the limit is reached
     */
    public void checkClient(String limit, HttpServletRequest request) {
        // The address the other proxies vouch for: forwarded headers are honoured only from trusted proxies.
        check(limit, request.getRemoteAddr());
    }

    /**
     * Counts one request for the email address the form would write to (trimmed, case-insensitive). An empty address
     * counts nothing: no mail can go to it.
     *
     * @throws TooManyRequestsException when the limit is reached
     */
    public void checkEmail(String limit, String email) {
        if (email == null || email.isBlank()) {
            return;
        }
        check(limit, email.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Counts one request for a subject against the named limit.
     *
     * @throws TooManyRequestsException when the limit is reached
     * @throws IllegalArgumentException when no limit of that name is configured (a programming error)
     */
    public void check(String limit, String subject) {
        RateLimitProperties.Limit numbers = properties.rateLimits().get(limit);
        if (numbers == null) {
            throw new IllegalArgumentException("no rate limit named " + limit + " under cungem.rate-limits");
        }
        String key = limit + ":" + numbers.capacity() + "/" + numbers.period().toSeconds() + ":" + hash(subject);
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(key, () -> configuration(numbers)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            log.warn("Rate limit {} could not be checked, request allowed: {}", limit, e.toString());
            return;
        }
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            long minutes = (Math.max(1, seconds) + 59) / 60;
            throw new TooManyRequestsException(
                    "rate-limited",
                    message(minutes, Locale.forLanguageTag("vi")),
                    message(minutes, Locale.ENGLISH),
                    Duration.ofSeconds(seconds));
        }
    }

    /**
     * For a page that shows its form again: sets status 429 and {@code Retry-After} and returns the message to show, in
     * the reader's language.
     */
    public String refuse(TooManyRequestsException e, HttpServletResponse response, Locale locale) {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return e.message(locale);
    }

    /** The message that says to try again in N minutes (rounded up), in the given language. */
    private String message(long minutes, Locale locale) {
        return messages.getMessage("rate-limit.exceeded", new Object[] {minutes}, locale);
    }

    private static BucketConfiguration configuration(RateLimitProperties.Limit numbers) {
        // Greedy refill: "5 per hour" lets 5 through at once, then one more every 12 minutes.
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(numbers.capacity())
                        .refillGreedy(numbers.capacity(), numbers.period())
                        .build())
                .build();
    }

    private static String hash(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
