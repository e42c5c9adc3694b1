package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cungem.identity.account.PasswordPolicy;
import vn.cungem.shared.InvalidValueException;

class PasswordPolicyTests {

    @Test
    void acceptsALongSentence() {
        assertThatCode(() -> PasswordPolicy.check("Hoa phượng nở mùa thi 2021", "lan@truong.edu.vn"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "elevenchars"})
    void rejectsPasswordsShorterThanTwelveCharacters(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "a@b.vn"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("password-too-short");
                    assertThat(e.messageVi()).contains("12 ký tự");
                    assertThat(e.messageEn()).contains("12 characters");
                });
    }

    @Test
    void rejectsNullPassword() {
        assertThatThrownBy(() -> PasswordPolicy.check(null, "a@b.vn")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void countsVietnameseLettersAsOneCharacterEach() {
        // 12 letters with diacritics, whatever their UTF-16 length.
        assertThatCode(() -> PasswordPolicy.check("ĐườngĐếnTrườ", null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nguyen.van.an@truong.edu.vn", "NGUYEN.VAN.AN@TRUONG.EDU.VN", "nguyen.van.an"})
    void rejectsTheAccountsOwnEmail(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "nguyen.van.an@truong.edu.vn"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("password-is-email"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "Password1234", "matkhau123456", "aaaaaaaaaaaaaaaa", "qwerty123456"})
    void rejectsCommonPasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, "x@y.vn"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("password-common"));
    }

    @Test
    void rejectsOverlongPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("x".repeat(64) + "y".repeat(65), "x@y.vn"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void acceptsRandomPasswordsOfTwelveToSixtyFourCharacters() {
        Random random = new Random(2021);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.ăâđêôơư";
        for (int i = 0; i < 500; i++) {
            int length = 12 + random.nextInt(53);
            StringBuilder password = new StringBuilder();
            for (int c = 0; c < length; c++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = password.toString();
            if (candidate.trim().length() < 12 || candidate.chars().distinct().count() == 1) {
                continue;
            }
            assertThatCode(() -> PasswordPolicy.check(candidate, "someone@example.vn"))
                    .as(candidate)
                    .doesNotThrowAnyException();
        }
    }
}
