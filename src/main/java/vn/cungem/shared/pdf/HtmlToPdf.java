package vn.cungem.shared.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * XHTML to PDF with the DejaVu fonts embedded (regular and bold), so Vietnamese diacritics print on any machine: the
 * one way receipts, certificates, labels and wipe certificates are made.
 */
public final class HtmlToPdf {

    private HtmlToPdf() {}

    public static byte[] render(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(
                    () -> font("fonts/DejaVuSans.ttf"), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(
                    () -> font("fonts/DejaVuSans-Bold.ttf"),
                    "DejaVu Sans",
                    700,
                    PdfRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A QR code of 300 px with a quiet zone of 2, as a PNG data URI for a template's {@code <img>}. */
    public static String qrDataUri(String text, ErrorCorrectionLevel level) {
        try {
            var hints = Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, 2);
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300, hints);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code could not be made", e);
        }
    }

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
