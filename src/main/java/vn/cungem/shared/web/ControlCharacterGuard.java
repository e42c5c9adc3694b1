package vn.cungem.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cungem.shared.text.Bundles;

/**
 * A form or query value carrying a NUL character is refused up front with a 400: PostgreSQL cannot store or even
 * compare such text, and no person types one. Other control characters are left to each form's validation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasNul(request)) {
            chain.doFilter(request, response);
            return;
        }
        BadRequests.refuse(
                request,
                response,
                "control-character",
                Bundles.vi("problem.control-character"),
                Bundles.en("problem.control-character"));
    }

    private static boolean hasNul(HttpServletRequest request) {
        // Only the query string and url-encoded forms: reading multipart parts here would consume uploads.
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
            String query = request.getQueryString();
            return query != null && query.toLowerCase().contains("%00");
        }
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
