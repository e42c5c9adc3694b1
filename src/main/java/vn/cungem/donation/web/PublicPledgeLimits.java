package vn.cungem.donation.web;

import jakarta.servlet.http.HttpServletRequest;
import vn.cungem.donation.PledgeRequest;
import vn.cungem.shared.ratelimit.RateLimits;

/** The limits a public pledge counts against, the same for the page and the API. */
final class PublicPledgeLimits {

    private PublicPledgeLimits() {}

    /**
     * One pledge from this client address, and one confirmation email to the donor's address when one was given.
     *
     * @throws vn.cungem.shared.TooManyRequestsException when either limit is reached
     */
    static void check(RateLimits rateLimits, PledgeRequest request, HttpServletRequest http) {
        rateLimits.checkClient(RateLimits.PLEDGE_PER_CLIENT, http);
        if (request != null && request.donor() != null) {
            rateLimits.checkEmail(RateLimits.PLEDGE_PER_EMAIL, request.donor().email());
        }
    }
}
