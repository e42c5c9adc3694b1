package vn.cungem.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
