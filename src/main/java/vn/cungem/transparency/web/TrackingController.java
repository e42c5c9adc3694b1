package vn.cungem.transparency.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.transparency.Tracking;

/** The public page where a donor follows a gift by its code, and the same as JSON. */
@Controller
class TrackingController {

    private final Tracking tracking;

    TrackingController(Tracking tracking) {
        this.tracking = tracking;
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
    String track(@PathVariable String code, Model model) {
        model.addAttribute("j", tracking.track(code));
        return "transparency/track";
    }
}
