package vn.cungem.shared;

import java.time.Duration;

/**
 * The caller asked too often: a public form or API past its rate limit, or an account past a per-account limit counted
 * in the database; either way every node agrees. Web and API layers answer 429 with a {@code Retry-After} header and
 * the message in Vietnamese and English.
 */
public class TooManyRequestsException extends InvalidValueException {

    private final Duration retryAfter;

    public TooManyRequestsException(String code, String messageVi, String messageEn, Duration retryAfter) {
        super(code, messageVi, messageEn);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
    }

    /** Whole seconds, at least one, as the {@code Retry-After} header carries them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // expected, frequent under abuse, and fully described by its message
        return this;
    }
}
