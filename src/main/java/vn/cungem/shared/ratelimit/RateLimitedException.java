package vn.cungem.shared.ratelimit;

/**
 * A public form or API was used more often than its limit allows. Pages answer 429 with the form and the message, the
 * API answers 429 with a problem; both send {@code Retry-After}.
 */
public final class RateLimitedException extends RuntimeException {

    private final String limit;
    private final long retryAfterSeconds;

    public RateLimitedException(String limit, long retryAfterSeconds) {
        super("rate limit " + limit + " reached; retry after " + retryAfterSeconds + " s");
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** The name of the limit that was reached, e.g. {@code password-reset-per-email}. */
    public String limit() {
        return limit;
    }

    /** Whole seconds until one more request will be accepted, at least 1: the {@code Retry-After} value. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The same wait in whole minutes, rounded up, for the message people read. */
    public long retryAfterMinutes() {
        return (retryAfterSeconds + 59) / 60;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // expected, frequent under abuse, and fully described by its message
        return this;
    }
}
