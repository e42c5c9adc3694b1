package vn.cungem.identity.account;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins from one client address in the window: refused before any password is checked. */
public class SignInThrottledException extends AuthenticationException {

    public SignInThrottledException() {
        super("Too many failed sign-ins from this address");
    }
}
