package vn.cungem.transparency.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.ratelimit.RateLimits;
import vn.cungem.transparency.Tracking;

/** The public page where a donor follows a gift by its code, and the same as JSON. */
@Controller
class TrackingController {

    private final Tracking tracking;
    private final RateLimits rateLimits;
    private final MessageSource messages;

    TrackingController(Tracking tracking, RateLimits rateLimits, MessageSource messages) {
        this.tracking = tracking;
        this.rateLimits = rateLimits;
        this.messages = messages;
    }

    @GetMapping("/public/track")
    String lookup(@RequestParam(required = false) String code) {
        if (code == null || code.isBlank()) {
            return "transparency/lookup";
        }
        return "redirect:/public/track/"
                + java.net.URLEncoder.encode(code.trim(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/public/track/{code}")
    String track(
            @PathVariable String code,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            rateLimits.checkClient(RateLimits.LOOKUP_PER_CLIENT, request);
        } catch (TooManyRequestsException e) {
            // the look-up form again, with the message
            model.addAttribute("error", rateLimits.refuse(e, response, locale));
            return "transparency/lookup";
        }
        try {
            model.addAttribute("j", tracking.track(code));
        } catch (NotFoundException e) {
            // its own words on the look-up form, the code kept to correct, still a 404 (unknown and malformed alike)
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", messages.getMessage("track.notFound", null, locale));
            model.addAttribute("typed", code);
            return "transparency/lookup";
        }
        return "transparency/track";
    }
}
