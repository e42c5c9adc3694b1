package vn.cungem.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Addresses the security firewall refuses before any controller runs (an encoded NUL or semicolon, {@code ..} in the
 * path): a 400 like any other bad request. The API gets its vi+en problem here, since no exception handler runs;
 * pages go through the container's error page.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String path = request.getRequestURI();
        if (path != null && path.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(400);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://cungem.vn/problems/malformed\","
                            + "\"title\":\"The address contains characters that are not allowed.\",\"status\":400,"
                            + "\"detail\":\"Địa chỉ yêu cầu chứa ký tự không được phép.\",\"code\":\"malformed\","
                            + "\"detail_en\":\"The address contains characters that are not allowed.\"}");
            return;
        }
        response.sendError(400);
    }
}
