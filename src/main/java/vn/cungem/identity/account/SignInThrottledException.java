package vn.cungem.identity.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins for this address, email or both: refused before any password is checked. The same for an
 * email with or without an account.
 */
public class SignInThrottledException extends AuthenticationException {

    private final transient Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins: wait before trying again");
        this.retryAfter = retryAfter;
    }

    /** How long until the attempt would be considered. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
