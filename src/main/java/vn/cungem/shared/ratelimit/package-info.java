/**
 * Rate limits for the public forms and APIs: named token buckets per client address and per target email, kept in the
 * database so that every application node counts against the same numbers. Modules call {@link
 * vn.cungem.shared.ratelimit.RateLimits}; a reached limit is a {@link vn.cungem.shared.TooManyRequestsException},
 * answered with 429 and {@code Retry-After}.
 */
package vn.cungem.shared.ratelimit;
