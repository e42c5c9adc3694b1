package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.cungem.identity.account.PasswordPolicy;
import vn.cungem.identity.account.SecretTokens;

class SecretTokensTests {

    @Test
    void hashesToTheKnownSha256HexOfTheToken() {
        assertThat(SecretTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashIsSixtyFourLowerCaseHexCharactersAndNeverTheTokenItself() {
        for (int i = 0; i < 200; i++) {
            String token = SecretTokens.newToken();
            String hash = SecretTokens.hash(token);
            assertThat(hash).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(token);
        }
    }

    @Test
    void tokensAreUrlSafeAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SecretTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void apiTokensStartWithThePrefixAndShowOnlyAShortPrefix() {
        String token = SecretTokens.newApiToken();
        assertThat(token).startsWith("ce_");
        assertThat(SecretTokens.displayPrefix(token)).hasSize(9).isEqualTo(token.substring(0, 9));
    }

    @Test
    void generatedPasswordsPassThePolicyAndAvoidLookAlikes() {
        for (int i = 0; i < 200; i++) {
            String password = SecretTokens.newPassword(20);
            assertThat(password).hasSize(20).doesNotContainAnyWhitespaces().matches("[^0O1lI]+");
            PasswordPolicy.check(password, "admin@cungem.local");
        }
    }
}
