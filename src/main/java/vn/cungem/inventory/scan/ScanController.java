package vn.cungem.inventory.scan;

import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.shared.security.Callers;

/**
 * Scan mode on a phone: choose the action once, then scan tag after tag with the camera, a USB scanner or the keyboard
 * (a field that submits on Enter). With htmx each scan answers with its result and a fresh field; without JavaScript
 * the same form posts and the whole page comes back with the result.
 */
@Controller
class ScanController {

    private final Scans scans;

    ScanController(Scans scans) {
        this.scans = scans;
    }

    @GetMapping("/inventory/scan")
    String page(
            @RequestParam(required = false) ScanAction action,
            @RequestParam(required = false) WipeMethod method,
            Model model) {
        model.addAttribute("actions", ScanAction.values());
        model.addAttribute("methods", WipeMethod.values());
        model.addAttribute("action", action);
        model.addAttribute("method", method == null ? WipeMethod.FACTORY_RESET : method);
        model.addAttribute("key", UUID.randomUUID().toString());
        if (!model.containsAttribute("htmx")) {
            model.addAttribute("htmx", false);
        }
        return "inventory/scan";
    }

    @PostMapping("/inventory/scan")
    String scan(
            @RequestParam(required = false) ScanAction action,
            @RequestParam(required = false) WipeMethod method,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String key,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale,
            Model model) {
        model.addAttribute("htmx", "true".equals(htmx));
        model.addAttribute("result", scans.scan(action, method, code, key, Callers.current(), locale));
        page(action, method, model);
        return "true".equals(htmx) ? "inventory/scan :: answer" : "inventory/scan";
    }
}
