package vn.cungem.donation.vietqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.cungem.donation.TrackingCode;
import vn.cungem.donation.VietQr;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;

class VietQrTests {

    // A payload published as an example by an open-source VietQR generator (subiz/vietqr README): 120.000 ₫ to a
    // VietinBank account with the note "ung ho lu lut". Its last four characters are the CRC.
    static final String PUBLISHED =
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN"
                    + "62170813ung ho lu lut6304C15C";

    @Test
    void crcAgreesWithAPublishedExample() {
        assertThat(VietQr.crc16(PUBLISHED.substring(0, PUBLISHED.length() - 4))).isEqualTo("C15C");
        assertThat(VietQr.crcMatches(PUBLISHED)).isTrue();
    }

    @Test
    void crcOfTheStandardCheckStringIs29B1() {
        // CRC-16/CCITT-FALSE's catalogue check value for "123456789".
        assertThat(VietQr.crc16("123456789")).isEqualTo("29B1");
    }

    @Test
    void buildsThePayloadTheNapasLayoutDescribes() {
        String payload = VietQr.payload("970436", "0011004123456", Money.vnd(500_000), "CE7K3M9Q2X UNG HO");

        Map<String, String> root = VietQr.parse(payload);
        assertThat(root.keySet()).containsExactly("00", "01", "38", "53", "54", "58", "62", "63");
        assertThat(root.get("00")).isEqualTo("01");
        assertThat(root.get("01")).isEqualTo("12");
        assertThat(root.get("53")).isEqualTo("704");
        assertThat(root.get("54")).isEqualTo("500000");
        assertThat(root.get("58")).isEqualTo("VN");
        Map<String, String> merchant = VietQr.parse(root.get("38"));
        assertThat(merchant).containsEntry("00", "A000000727").containsEntry("02", "QRIBFTTA");
        assertThat(VietQr.parse(merchant.get("01")))
                .containsEntry("00", "970436")
                .containsEntry("01", "0011004123456");
        assertThat(VietQr.parse(root.get("62"))).containsEntry("08", "CE7K3M9Q2X UNG HO");
        assertThat(VietQr.crcMatches(payload)).isTrue();
    }

    @Test
    void foldsTheNoteToAsciiAndCutsItAt25Characters() {
        assertThat(VietQr.asciiNote("Ủng hộ đồng bào – Quận Bình Thạnh, TP.HCM"))
                .isEqualTo("UNG HO DONG BAO QUAN BINH");
        assertThat(VietQr.asciiNote("Ủng hộ đồng bào – Quận Bình Thạnh").length())
                .isLessThanOrEqualTo(25);
    }

    @Test
    void everyGeneratedPayloadParsesBackWithAValidCrc() {
        Random random = new Random(20210917L);
        for (int i = 0; i < 200; i++) {
            String account = Long.toString(1_000_000L + random.nextLong(1, 999_999_999_999L));
            long amount = 1 + random.nextLong(1, 100_000_000L);
            TrackingCode code = TrackingCode.generate(TrackingCode.PLEDGE);
            String payload = VietQr.payload("970418", account, Money.vnd(amount), VietQr.noteFor(code));
            Map<String, String> root = VietQr.parse(payload);
            assertThat(root.get("54")).isEqualTo(Long.toString(amount));
            assertThat(TrackingCode.findPledgeCodeIn(
                            VietQr.parse(root.get("62")).get("08")))
                    .contains(code);
            assertThat(VietQr.crcMatches(payload)).isTrue();
        }
    }

    @Test
    void theImageDecodesToThePayload() throws Exception {
        String payload = VietQr.payload("970436", "0011004123456", Money.vnd(500_000), "CE7K3M9Q2X UNG HO");
        var image = ImageIO.read(new ByteArrayInputStream(VietQr.png(payload, 360)));
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
        assertThat(decoded).isEqualTo(payload);
    }

    @Test
    void refusesAnAmountOfZeroAndABinThatIsNotSixDigits() {
        assertThatThrownBy(() -> VietQr.payload("970436", "123", Money.ZERO, "x"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VietQr.payload("9704", "123", Money.vnd(10), "x"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void everyListedBankHasASixDigitBinStartingWith970() {
        for (VietnameseBank bank : VietnameseBank.values()) {
            assertThat(bank.bin()).matches("970\\d{3}");
        }
    }
}
