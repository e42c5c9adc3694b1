package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudentIdCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another-key-of-exactly-32-bytes!".getBytes());

    private final StudentIdCipher cipher = new StudentIdCipher(KEY);

    @Test
    void decryptsWhatItEncryptsAndNeverStoresThePlainNumber() {
        Random random = new Random(7L);
        for (int i = 0; i < 200; i++) {
            PersonalIdNumber id = new PersonalIdNumber(
                    String.format("%03d%09d", 1 + random.nextInt(96), random.nextInt(1_000_000_000)));
            String stored = cipher.encrypt(id);
            assertThat(stored).doesNotContain(id.digits()).hasSizeLessThanOrEqualTo(120);
            assertThat(cipher.decrypt(stored)).isEqualTo(id);
        }
    }

    @Test
    void sealsTheSameNumberDifferentlyEachTimeButIndexesItTheSame() {
        PersonalIdNumber id = PersonalIdNumber.parse("079312123456");
        assertThat(cipher.encrypt(id)).isNotEqualTo(cipher.encrypt(id));
        assertThat(cipher.blindIndex(id)).isEqualTo(cipher.blindIndex(PersonalIdNumber.parse("079 312 123 456")));
        assertThat(cipher.blindIndex(id)).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void blindIndexesDifferForDifferentNumbersAndDifferentKeys() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(cipher.blindIndex(new PersonalIdNumber(String.format("079312%06d", i)))))
                    .isTrue();
        }
        PersonalIdNumber id = PersonalIdNumber.parse("079312123456");
        assertThat(new StudentIdCipher(OTHER_KEY).blindIndex(id)).isNotEqualTo(cipher.blindIndex(id));
    }

    @Test
    void refusesAValueSealedWithAnotherKeyOrAltered() {
        String stored = cipher.encrypt(PersonalIdNumber.parse("079312123456"));
        assertThatThrownBy(() -> new StudentIdCipher(OTHER_KEY).decrypt(stored))
                .isInstanceOf(IllegalArgumentException.class);
        char[] chars = stored.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt(new String(chars))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyBase64Of32Bytes() {
        assertThat(StudentIdCipher.isValidKey(KEY)).isTrue();
        assertThat(StudentIdCipher.isValidKey("")).isFalse();
        assertThat(StudentIdCipher.isValidKey(null)).isFalse();
        assertThat(StudentIdCipher.isValidKey("dG9vLXNob3J0")).isFalse();
        assertThat(StudentIdCipher.isValidKey("%%%")).isFalse();
        assertThatThrownBy(() -> new StudentIdCipher("dG9vLXNob3J0")).isInstanceOf(IllegalArgumentException.class);
    }
}
