package vn.cungem.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A 400 for a request refused before any controller runs, so no exception handler answers it: the API gets its vi+en
 * problem here, pages go through the container's error page.
 */
final class BadRequests {

    private BadRequests() {}

    /** The messages are constants of this package, free of characters JSON would need escaped. */
    static void refuse(
            HttpServletRequest request, HttpServletResponse response, String code, String messageVi, String messageEn)
            throws IOException {
        String path = request.getRequestURI();
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(400);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://cungem.vn/problems/" + code + "\",\"title\":\"" + messageEn
                            + "\",\"status\":400,\"detail\":\"" + messageVi + "\",\"code\":\"" + code
                            + "\",\"detail_en\":\"" + messageEn + "\"}");
            return;
        }
        response.sendError(400);
    }
}
