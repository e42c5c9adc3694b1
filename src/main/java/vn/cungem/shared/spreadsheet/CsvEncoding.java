package vn.cungem.shared.spreadsheet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file's bytes are text, as schools' and banks' computers write them: UTF-8 (Excel's "CSV UTF-8", with or
 * without a byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode Text"), or else, where the importer
 * allows it, Windows-1258 (Excel's plain "CSV" on a Vietnamese Windows), which keeps tone marks as separate combining
 * characters; the importers fold those into NFC like any other text. Bytes that are none of these are refused with
 * advice (an old TCVN3/VNI font decodes as neither).
 *
 * @param start where the text starts, after a byte-order mark
 */
record CsvEncoding(Charset charset, int start) {

    private static final Charset WINDOWS_1258 =
            Charset.isSupported("windows-1258") ? Charset.forName("windows-1258") : null;

    static CsvEncoding of(byte[] c, boolean windows1258) {
        if (c.length >= 3 && (c[0] & 0xFF) == 0xEF && (c[1] & 0xFF) == 0xBB && (c[2] & 0xFF) == 0xBF) {
            return new CsvEncoding(StandardCharsets.UTF_8, 3);
        }
        if (c.length >= 2 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (c.length >= 2 && (c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (decodes(c, StandardCharsets.UTF_8)) {
            return new CsvEncoding(StandardCharsets.UTF_8, 0);
        }
        if (windows1258 && WINDOWS_1258 != null && decodes(c, WINDOWS_1258)) {
            return new CsvEncoding(WINDOWS_1258, 0);
        }
        throw Refusals.unknownEncoding(windows1258);
    }

    static boolean hasUtf16Bom(byte[] c) {
        return c.length >= 2
                && ((c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xFE || (c[0] & 0xFF) == 0xFE && (c[1] & 0xFF) == 0xFF);
    }

    /** A decoder that reports bytes that are not text rather than putting a replacement character in their place. */
    CharsetDecoder strictDecoder() {
        return strict(charset);
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether all the bytes are text in that character set, decoded through a small buffer that is thrown away. */
    private static boolean decodes(byte[] content, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8 * 1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        while (true) {
            CoderResult result = decoder.flush(out);
            out.clear();
            if (result.isUnderflow()) {
                return true;
            }
        }
    }
}
