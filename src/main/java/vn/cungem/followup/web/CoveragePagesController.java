package vn.cungem.followup.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaigns;
import vn.cungem.followup.CheckSchedule;
import vn.cungem.followup.work.CheckSchedules;
import vn.cungem.followup.work.Coverage;
import vn.cungem.followup.work.FollowUpAccess;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Managers: follow-up coverage per unit, and when the schools of a campaign check. */
@Controller
class CoveragePagesController {

    private final Coverage coverage;
    private final CheckSchedules schedules;
    private final Campaigns campaigns;

    CoveragePagesController(Coverage coverage, CheckSchedules schedules, Campaigns campaigns) {
        this.coverage = coverage;
        this.schedules = schedules;
        this.campaigns = campaigns;
    }

    @GetMapping("/followup/coverage")
    String coverage(@RequestParam(name = "campaign", required = false) Long campaign, Model model) {
        Caller caller = Callers.current();
        if (!FollowUpAccess.isManager(caller)) {
            throw new NotFoundException("page", "followup/coverage");
        }
        model.addAttribute("report", coverage.of(campaign, caller));
        model.addAttribute(
                "campaigns", campaigns.search(null, null, caller, 0, 100).items());
        model.addAttribute("campaign", campaign);
        if (campaign != null) {
            model.addAttribute("schedule", schedules.get(campaign, caller));
            model.addAttribute("scheduleSet", schedules.isSet(campaign));
            model.addAttribute("mayChange", schedules.mayChange(campaign, caller));
        }
        return "followup/coverage";
    }

    @GetMapping("/followup/campaigns/{id}/schedule")
    String schedule(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        if (!schedules.mayChange(id, caller)) {
            throw new NotFoundException(CheckSchedules.ENTITY, id);
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("campaignName", campaigns.nameOf(id));
        model.addAttribute("scheduleSet", schedules.isSet(id));
        if (!model.containsAttribute("days")) {
            model.addAttribute("days", schedules.of(id).text());
        }
        model.addAttribute("maxChecks", CheckSchedule.MAX_CHECKS);
        return "followup/schedule";
    }

    @PostMapping("/followup/campaigns/{id}/schedule")
    String setSchedule(
            @PathVariable long id,
            @RequestParam(required = false) String days,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        try {
            CheckSchedule saved = schedules.set(id, CheckSchedule.parse(days), Callers.current());
            redirect.addFlashAttribute("saved", saved.text());
            return "redirect:/followup/coverage?campaign=" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
            model.addAttribute("days", days);
            return schedule(id, model);
        }
    }
}
