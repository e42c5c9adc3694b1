package vn.cungem.transparency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.shared.ratelimit.RateLimits;
import vn.cungem.transparency.Tracking;

@RestController
@Tag(name = "Public tracking", description = "Theo dõi món quà / Follow a gift")
class TrackingApiController {

    private final Tracking tracking;
    private final RateLimits rateLimits;

    TrackingApiController(Tracking tracking, RateLimits rateLimits) {
        this.tracking = tracking;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/api/v1/public/track/{code}")
    @Operation(
            summary = "A gift's journey by pledge code (CE…), receipt code (BN…) or device tag (TB…); no personal data")
    Tracking.Journey track(@PathVariable String code, HttpServletRequest request) {
        rateLimits.checkClient(RateLimits.LOOKUP_PER_CLIENT, request);
        return tracking.track(code);
    }
}
