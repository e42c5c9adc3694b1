package vn.cungem.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.InvalidValueException;

class DeviceSerialTests {

    @Test
    void aSerialIsKeptInUpperCaseWithoutSpaces() {
        assertThat(DeviceSerial.of(ItemType.LAPTOP, "  pf-1a2b 3c\t").value()).isEqualTo("PF-1A2B3C");
        assertThat(DeviceSerial.of(ItemType.WIFI_DEVICE, "x").value()).isEqualTo("X");
    }

    @Test
    void aPhonesImeiNeedsFifteenDigitsWithALuhnCheckDigit() {
        // the example IMEI of 3GPP TS 23.003 / the GSMA, written with its usual dashes
        assertThat(DeviceSerial.of(ItemType.SMARTPHONE, "49-015420-323751-8").value())
                .isEqualTo("490154203237518");
        assertThatThrownBy(() -> DeviceSerial.of(ItemType.SMARTPHONE, "490154203237519"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("serial.imei");
                    assertThat(e.messageVi()).contains("490154203237519").contains("15 chữ số");
                    assertThat(e.messageEn()).contains("15 digits");
                });
        assertThatThrownBy(() -> DeviceSerial.of(ItemType.SMARTPHONE, "SN-ABC"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DeviceSerial.of(ItemType.SMARTPHONE, "49015420323751"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aTabletsAllDigitSerialIsAnImeiAndALetteredOneIsASerial() {
        assertThat(DeviceSerial.of(ItemType.TABLET, "DMPX 12ab").value()).isEqualTo("DMPX12AB");
        assertThatThrownBy(() -> DeviceSerial.of(ItemType.TABLET, "123456789012345"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void luhnAgreesWithAnIndependentlyWrittenCheckOnRandomNumbers() {
        Random random = new Random(13);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                body.append(random.nextInt(10));
            }
            int check = luhnCheckDigit(body.toString());
            for (int d = 0; d < 10; d++) {
                assertThat(DeviceSerial.isImei(body.toString() + d)).isEqualTo(d == check);
            }
        }
    }

    /** Computed the other way round: the digit that makes the weighted sum a multiple of ten. */
    private static int luhnCheckDigit(String fourteen) {
        int sum = 0;
        for (int i = 0; i < fourteen.length(); i++) {
            int d = fourteen.charAt(i) - '0';
            // from the left, every second digit (positions 2, 4, …) is doubled
            sum += i % 2 == 1 ? (d * 2) / 10 + (d * 2) % 10 : d;
        }
        return (10 - sum % 10) % 10;
    }

    @Test
    void emptyOrOverlongSerialsAreRefused() {
        assertThatThrownBy(() -> DeviceSerial.of(ItemType.LAPTOP, "   ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DeviceSerial.of(ItemType.LAPTOP, "A".repeat(101)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new DeviceSerial("lower")).isInstanceOf(InvalidValueException.class);
    }
}
