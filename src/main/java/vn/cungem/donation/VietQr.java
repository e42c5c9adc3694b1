package vn.cungem.donation;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.text.VietnameseText;

/**
 * The VietQR (NAPAS 247, EMVCo merchant-presented) payload a banking app scans to fill in a transfer: bank, account,
 * amount and the transfer note that carries the pledge code, so the bank statement can be matched to the pledge.
 */
public final class VietQr {

    private static final Pattern BIN = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");
    public static final int NOTE_MAX = 25;
    /** Field 54 holds at most 13 characters. */
    private static final Money LARGEST_AMOUNT = Money.vnd(9_999_999_999_999L);

    private VietQr() {}

    /** A dynamic (amount included) transfer payload; the note is folded to ASCII and cut to 25 characters. */
    public static String payload(String bankBin, String accountNumber, Money amount, String note) {
        if (bankBin == null || !BIN.matcher(bankBin).matches()) {
            throw InvalidValueException.of("vietqr.bin", "donation.error.vietqr.bin");
        }
        if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
            throw InvalidValueException.of("vietqr.account", "donation.error.vietqr.account");
        }
        if (amount == null || !amount.isPositive() || amount.compareTo(LARGEST_AMOUNT) > 0) {
            throw InvalidValueException.of("vietqr.amount", "donation.error.vietqr.amount");
        }
        String account = tlv("00", bankBin) + tlv("01", accountNumber);
        String merchant = tlv("00", "A000000727") + tlv("01", account) + tlv("02", "QRIBFTTA");
        StringBuilder body = new StringBuilder()
                .append(tlv("00", "01"))
                .append(tlv("01", "12"))
                .append(tlv("38", merchant))
                .append(tlv("53", "704"))
                .append(tlv("54", Long.toString(amount.vnd())))
                .append(tlv("58", "VN"));
        String cleanNote = asciiNote(note);
        if (!cleanNote.isEmpty()) {
            body.append(tlv("62", tlv("08", cleanNote)));
        }
        body.append("6304");
        return body + crc16(body.toString());
    }

    /** Banks strip diacritics and punctuation from notes anyway; doing it here keeps what the donor sees exact. */
    public static String asciiNote(String note) {
        if (note == null) {
            return "";
        }
        String folded = VietnameseText.fold(note).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", " ");
        folded = folded.replaceAll("\\s+", " ").trim();
        return folded.length() > NOTE_MAX ? folded.substring(0, NOTE_MAX).trim() : folded;
    }

    /** The transfer note for a pledge: its code first, so it survives a bank that cuts the note short. */
    public static String noteFor(TrackingCode pledgeCode) {
        return pledgeCode.value() + " UNG HO";
    }

    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF) as 4 upper-case hex digits, as EMVCo requires for tag 63. */
    public static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }

    /** Reads one level of ID-length-value objects, in order; nested templates are parsed by calling this again. */
    public static Map<String, String> parse(String tlvText) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < tlvText.length()) {
            if (i + 4 > tlvText.length()) {
                throw malformed();
            }
            String id = tlvText.substring(i, i + 2);
            int length;
            try {
                length = Integer.parseInt(tlvText.substring(i + 2, i + 4));
            } catch (NumberFormatException e) {
                throw malformed();
            }
            if (i + 4 + length > tlvText.length()) {
                throw malformed();
            }
            out.put(id, tlvText.substring(i + 4, i + 4 + length));
            i += 4 + length;
        }
        return out;
    }

    /** Whether the last four characters are the CRC of everything before them. */
    public static boolean crcMatches(String payload) {
        return payload.length() > 8
                && payload.substring(payload.length() - 4).equals(crc16(payload.substring(0, payload.length() - 4)));
    }

    /** The payload as a black-on-white PNG QR code with a quiet zone, medium error correction. */
    public static byte[] png(String payload, int sizePx) {
        return png(payload, sizePx, 4);
    }

    /** Any text as a PNG QR code, medium error correction; {@code quietZone} in modules. */
    public static byte[] png(String text, int sizePx, int quietZone) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            sizePx,
                            sizePx,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    quietZone,
                                    EncodeHintType.CHARACTER_SET,
                                    "UTF-8"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw malformed();
        }
        return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    private static InvalidValueException malformed() {
        return InvalidValueException.of("vietqr.malformed", "donation.error.vietqr.malformed");
    }
}
