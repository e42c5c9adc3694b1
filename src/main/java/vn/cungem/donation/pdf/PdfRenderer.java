package vn.cungem.donation.pdf;

import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import vn.cungem.donation.VietQr;
import vn.cungem.shared.pdf.HtmlToPdf;

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
        return HtmlToPdf.render(html);
    }

    /** A QR code (error correction M, quiet zone 2) as a PNG. */
    public static byte[] qrPng(String text, int size) {
        return VietQr.png(text, size, 2);
    }

    public static String qrDataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(text, 300));
    }
}
