package vn.cungem.inventory.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.lifecycle.WipeMethod;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * Scan mode on a phone: choose the action once, then scan tag after tag with the camera, a USB scanner or the keyboard
 * (a field that submits on Enter). With htmx each scan answers with its result and a fresh field; without JavaScript
 * the same form posts and the whole page comes back with the result.
 */
@Controller
class ScanController {

    private final Scans scans;
    private final SoftwareProfiles profiles;
    private final Campaigns campaigns;

    ScanController(Scans scans, SoftwareProfiles profiles, Campaigns campaigns) {
        this.scans = scans;
        this.profiles = profiles;
        this.campaigns = campaigns;
    }

    /** A profile to choose, named with its campaign: a volunteer may work for more than one. */
    record ProfileChoice(long id, String name, String campaign) {}

    /** The software profiles of the active campaigns the volunteer can see. */
    private List<ProfileChoice> profileChoices(Caller caller) {
        List<ProfileChoice> choices = new ArrayList<>();
        for (var campaign : campaigns.active(50)) {
            if (campaigns.isVisible(campaign.id(), caller)) {
                for (var p : profiles.of(campaign.id(), caller)) {
                    choices.add(new ProfileChoice(p.id(), p.name(), campaign.name()));
                }
            }
        }
        return choices;
    }

    @GetMapping("/inventory/scan")
    String page(
            @RequestParam(required = false) ScanAction action,
            @RequestParam(required = false) WipeMethod method,
            @RequestParam(required = false) Long profile,
            Model model) {
        List<ProfileChoice> choices = profileChoices(Callers.current());
        model.addAttribute("profiles", choices);
        model.addAttribute("profile", profile);
        model.addAttribute(
                "profileName",
                choices.stream()
                        .filter(c -> c.id() == (profile == null ? -1 : profile))
                        .map(c -> c.name() + " — " + c.campaign())
                        .findFirst()
                        .orElse(null));
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
            @RequestParam(required = false) Long profile,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String key,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale,
            Model model) {
        model.addAttribute("htmx", "true".equals(htmx));
        model.addAttribute("result", scans.scan(action, method, profile, code, key, Callers.current(), locale));
        page(action, method, profile, model);
        return "true".equals(htmx) ? "inventory/scan :: answer" : "inventory/scan";
    }
}
