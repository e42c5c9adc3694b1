package vn.cungem.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload larger than the servlet container accepts ({@code spring.servlet.multipart.max-request-size} and
 * {@code max-file-size}, 60 MB) is answered here, before Spring Security: its CSRF check reads the form, the container
 * then refuses to parse it and the exception escaped as a 500 (issue 9). Pages go back where the form was (the
 * Referer, on this site only) with the message as a flash attribute {@code uploadError}, which every page's flash
 * fragment shows; without such a Referer the answer is a 413 page. The API answers a 413 problem, as before.
 */
@Component
// After Spring Session's filter (so the flash message has a session), before Spring Security's (-100).
@Order(-101)
class UploadSizeGuard extends OncePerRequestFilter {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final DataSize limit;

    UploadSizeGuard(
            MessageSource messages,
            LocaleResolver locales,
            @Value("${spring.servlet.multipart.max-request-size:60MB}") DataSize limit) {
        this.messages = messages;
        this.locales = locales;
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            // The container parses the parts now, within its limits, as the CSRF check would next; they are kept for
            // the controller.
            request.getParameterMap();
        } catch (RuntimeException e) {
            if (!tooLarge(e)) {
                throw e;
            }
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String size = limit.toMegabytes() + " MB";
        String path = request.getRequestURI();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType("application/problem+json");
            String vi = messages.getMessage("upload.too-large", new Object[] {size}, VIETNAMESE);
            String en = messages.getMessage("upload.too-large", new Object[] {size}, Locale.ENGLISH);
            response.getWriter()
                    .write("{\"type\":\"https://cungem.vn/problems/too-large\",\"title\":" + json(en)
                            + ",\"status\":413,\"detail\":" + json(vi) + ",\"code\":\"too-large\",\"detail_en\":"
                            + json(en) + "}");
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String message = messages.getMessage("upload.too-large", new Object[] {size}, locale);
        String back = sameSite(request);
        if (back == null) {
            request.setAttribute("cungem.upload.too-large", message);
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put("uploadError", message);
        flash.setTargetRequestPath(URI.create(back).getPath());
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", back);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The page the form was on, when the browser says and it is on this site; else null. */
    private static String sameSite(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return null;
            }
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return null;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The container's "request/file too large" (Tomcat: a SizeException, wrapped in an InvalidParameterException). */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains("SizeLimitExceeded")
                    || name.contains("FileSizeLimitExceeded")
                    || name.endsWith("SizeException")
                    || t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }
}
