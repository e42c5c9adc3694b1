package vn.cungem.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInBackOffTests {

    @Test
    void failuresAreFreeUpToTheAllowanceThenTheWaitDoublesUpToItsCap() {
        SignInAttempts.Policy pair = SignInAttempts.PAIR;
        assertThat(pair.delayAfter(1)).isZero();
        assertThat(pair.delayAfter(SignInAttempts.PAIR_FREE)).isZero();
        assertThat(pair.delayAfter(SignInAttempts.PAIR_FREE + 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(pair.delayAfter(SignInAttempts.PAIR_FREE + 2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(pair.delayAfter(SignInAttempts.PAIR_FREE + 5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(pair.delayAfter(SignInAttempts.PAIR_FREE + 6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(pair.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(15));

        assertThat(SignInAttempts.ADDRESS.delayAfter(SignInAttempts.ADDRESS_FREE))
                .isZero();
        assertThat(SignInAttempts.ADDRESS.delayAfter(SignInAttempts.ADDRESS_FREE + 1))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInAttempts.ADDRESS.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
        assertThat(SignInAttempts.ACCOUNT.delayAfter(SignInAttempts.ACCOUNT_FREE))
                .isZero();
        assertThat(SignInAttempts.ACCOUNT.delayAfter(SignInAttempts.ACCOUNT_FREE + 1))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void emailsAreKeyedByTheirHashWhetherOrNotAnAccountExists() {
        assertThat(SignInAttempts.accountKey(" Ai@Example.VN ")).isEqualTo(SignInAttempts.accountKey("ai@example.vn"));
        assertThat(SignInAttempts.accountKey("ai@example.vn"))
                .doesNotContain("ai@example.vn")
                .hasSizeLessThan(100);
        assertThat(SignInAttempts.pairKey("ai@example.vn", "2001:db8::1")).hasSizeLessThan(100);
    }
}
