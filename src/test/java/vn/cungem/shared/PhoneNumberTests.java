package vn.cungem.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"0931.771.213", "+84 931 771 213", "84931771213", "0084 931-771-213", " 0931771213 "})
    void readsTheSameMobileNumberWrittenInDifferentWays(String raw) {
        assertThat(PhoneNumber.parse(raw)).isEqualTo(new PhoneNumber("0931771213"));
    }

    @Test
    void acceptsElevenDigitLandlines() {
        PhoneNumber landline = PhoneNumber.parse("028 3896 1234");
        assertThat(landline.national()).isEqualTo("02838961234");
        assertThat(landline.display()).isEqualTo("028.3896.1234");
    }

    @Test
    void displaysAndMasksForReading() {
        PhoneNumber phone = PhoneNumber.parse("0931771213");
        assertThat(phone.display()).isEqualTo("0931.771.213");
        assertThat(phone.masked()).isEqualTo("093****213");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0131771213", "09317712130", "0931 77 12", "+1 415 555 0100", "0931abc213"})
    void rejectsPhoneThatCannotBeVietnamese(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.getMessage()).isNotBlank());
    }

    @Test
    void explainsARejectedNumberInVietnamese() {
        assertThatThrownBy(() -> PhoneNumber.parse("12345"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("Số điện thoại không hợp lệ"));
        assertThatThrownBy(() -> PhoneNumber.parse("  "))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).isEqualTo("Chưa nhập số điện thoại."));
    }

    @Test
    void everyGeneratedMobileNumberSurvivesARoundTripThroughItsDisplayForms() {
        Random random = new Random(84);
        String prefixes = "35789";
        for (int i = 0; i < 1_000; i++) {
            String national = "0" + prefixes.charAt(random.nextInt(prefixes.length()))
                    + String.format("%08d", random.nextInt(100_000_000));
            PhoneNumber phone = new PhoneNumber(national);
            assertThat(PhoneNumber.parse(phone.display())).isEqualTo(phone);
            assertThat(PhoneNumber.parse("+84 " + national.substring(1))).isEqualTo(phone);
        }
    }
}
