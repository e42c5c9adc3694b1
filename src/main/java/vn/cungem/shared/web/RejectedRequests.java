package vn.cungem.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import vn.cungem.shared.text.Bundles;

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
        BadRequests.refuse(
                request,
                response,
                "malformed",
                Bundles.vi("problem.malformed.address"),
                Bundles.en("problem.malformed.address"));
    }
}
