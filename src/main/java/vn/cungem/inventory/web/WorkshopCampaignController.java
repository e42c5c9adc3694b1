package vn.cungem.inventory.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.work.Repairs;
import vn.cungem.inventory.work.SoftwareProfiles;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;

/** The campaign's workshop page: its software profiles by school level (managers add them) and what repairs cost. */
@Controller
class WorkshopCampaignController {

    private final SoftwareProfiles profiles;
    private final Repairs repairs;
    private final Campaigns campaigns;

    WorkshopCampaignController(SoftwareProfiles profiles, Repairs repairs, Campaigns campaigns) {
        this.profiles = profiles;
        this.repairs = repairs;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/inventory/workshop")
    String page(@PathVariable long id, Model model) {
        var caller = Callers.current();
        if (!campaigns.isVisible(id, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, id);
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("profiles", profiles.of(id, caller));
        model.addAttribute("costs", repairs.costs(id, caller));
        model.addAttribute("canEdit", campaigns.canEdit(campaigns.get(id, caller), caller));
        model.addAttribute("levels", SchoolLevel.values());
        return "inventory/workshop";
    }

    @PostMapping("/campaigns/{id}/inventory/workshop/profiles")
    String add(
            @PathVariable long id,
            @RequestParam(required = false) SchoolLevel level,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String contents,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            var p = profiles.create(id, new SoftwareProfiles.NewProfile(level, name, contents), Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("inventory.work.profile.added", locale, p.name()));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("workError", e.message(locale));
        }
        return "redirect:/campaigns/" + id + "/inventory/workshop";
    }
}
