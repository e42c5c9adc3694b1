package vn.cungem.donation.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.cungem.donation.VietQr;

/**
 * Renders a Thymeleaf template under {@code templates/pdf/} to PDF with the DejaVu fonts embedded, so Vietnamese
 * diacritics print on any machine, and makes QR codes as PNG data URIs for those templates.
 */
@Component
public class PdfRenderer {

    private final TemplateEngine templates;

    PdfRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, Object> model, java.util.Locale locale) {
        String html = templates.process(template, new Context(locale, model));
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

    /** A QR code (error correction M, quiet zone 2) as a PNG. */
    public static byte[] qrPng(String text, int size) {
        return VietQr.png(text, size, 2);
    }

    public static String qrDataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(text, 300));
    }
}
