package vn.cungem.identity.account;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with the database-held back-off around Spring's own check ({@link SignInAttempts}): an attempt whose
 * client address, email or pair is backing off is refused before any password is checked; failures are counted, a
 * success forgives the pair. Wrong password, unknown email and disabled account get one and the same answer, and cost
 * the same: Spring compares an unknown email's password with a dummy hash, and the enabled flag is looked at only after
 * the password (a disabled account with the right password is another failure).
 */
public class PasswordSignInProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInAttempts attempts;

    public PasswordSignInProvider(
            AccountUserDetailsService accounts, PasswordEncoder encoder, SignInAttempts attempts) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(new EvenTiming(encoder));
        // No lock-out, and "disabled" must not answer before the password is checked (it would be faster, so telling).
        this.passwords.setPreAuthenticationChecks(user -> {});
        this.passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new BadCredentialsException("Bad credentials");
            }
        });
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String client = clientAddress(authentication);
        String email = authentication.getName();
        Optional<Duration> wait = attempts.backOff(email, client);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (BadCredentialsException e) {
            attempts.recordFailure(email, client);
            throw e;
        }
        AccountDetails account = ((AccountDetails) result.getPrincipal()).withoutPassword();
        attempts.recordSuccess(account.id(), email, client);
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        signedIn.setDetails(authentication.getDetails());
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * The address Tomcat resolved for the request ({@code request.getRemoteAddr()}): the TCP peer, or what a trusted
     * proxy said (TrustedProxiesConfig); never a header read here.
     */
    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    /**
     * An account without a password yet (invitation not accepted) has no hash; comparing with a dummy one costs the same
     * as a real comparison, so such accounts answer as slowly as any other.
     */
    private static final class EvenTiming implements PasswordEncoder {

        private final PasswordEncoder encoder;
        private final String dummy;

        EvenTiming(PasswordEncoder encoder) {
            this.encoder = encoder;
            this.dummy = encoder.encode("not-a-password-of-anyone");
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (encodedPassword == null || encodedPassword.isEmpty()) {
                encoder.matches(rawPassword == null ? "" : rawPassword, dummy);
                return false;
            }
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
