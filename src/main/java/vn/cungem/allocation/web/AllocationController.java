package vn.cungem.allocation.web;

import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.allocation.plans.PlanAccess;
import vn.cungem.allocation.plans.PlanComparisons;
import vn.cungem.allocation.plans.PlanKind;
import vn.cungem.allocation.plans.PlanQueries;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;

/**
 * The manager's allocation pages: run quotas and matching, review a plan per school with its exceptions and
 * explanations, change one case with a reason, approve, compare two plans. Every form works without JavaScript; each
 * POST form carries its own key, so a double click runs or approves once.
 */
@Controller
@RequestMapping("/campaigns/{campaignId}/allocation")
class AllocationController {

    private final AllocationPlans plans;
    private final PlanQueries queries;
    private final PlanComparisons comparisons;
    private final PlanAccess access;
    private final Campaigns campaigns;

    AllocationController(
            AllocationPlans plans,
            PlanQueries queries,
            PlanComparisons comparisons,
            PlanAccess access,
            Campaigns campaigns) {
        this.plans = plans;
        this.queries = queries;
        this.comparisons = comparisons;
        this.access = access;
        this.campaigns = campaigns;
    }

    @GetMapping
    String home(@PathVariable long campaignId, Model model) {
        Caller caller = Callers.current();
        access.requirePlanner(caller);
        model.addAttribute("campaign", campaigns.get(campaignId, caller));
        model.addAttribute("plans", queries.plans(campaignId, caller));
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "allocation/home";
    }

    @PostMapping("/plans")
    String run(
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "PROPOSAL") PlanKind kind,
            @RequestParam(defaultValue = "false") boolean siblings,
            @RequestParam(defaultValue = "false") boolean connectivity,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        AllocationPlans.Run run =
                plans.run(campaignId, kind, new Rules(siblings, connectivity), key, Callers.current());
        redirect.addFlashAttribute(
                "flash",
                Bundles.text(
                        "allocation.run.done",
                        locale,
                        Long.toString(run.planId()),
                        run.students(),
                        run.items(),
                        run.engineMillis()));
        return "redirect:/campaigns/" + campaignId + "/allocation/plans/" + run.planId();
    }

    @GetMapping("/plans/{planId}")
    String plan(
            @PathVariable long campaignId,
            @PathVariable long planId,
            @RequestParam(required = false) Long school,
            @RequestParam(defaultValue = "EXCEPTIONS") PlanQueries.Show show,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaigns.get(campaignId, caller));
        model.addAttribute("plan", queries.summary(campaignId, planId, caller));
        model.addAttribute("quotas", queries.quotas(campaignId, planId, caller));
        model.addAttribute("schools", queries.schools(campaignId, planId, caller));
        model.addAttribute("lines", queries.lines(campaignId, planId, school, show, page, locale, caller));
        model.addAttribute("school", school);
        model.addAttribute("show", show);
        model.addAttribute("shows", PlanQueries.Show.values());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "allocation/plan";
    }

    @PostMapping("/plans/{planId}/changes")
    String change(
            @PathVariable long campaignId,
            @PathVariable long planId,
            @RequestParam(required = false) String itemTag,
            @RequestParam(required = false) String studentId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            long student = parseStudent(studentId);
            plans.change(campaignId, planId, itemTag, student, reason, Callers.current());
            redirect.addFlashAttribute(
                    "flash", Bundles.text("allocation.change.done", locale, itemTag.strip(), Long.toString(student)));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", e.message(locale));
            redirect.addFlashAttribute("changeForm", new String[] {itemTag, studentId, reason});
        }
        return "redirect:/campaigns/" + campaignId + "/allocation/plans/" + planId + "?show=ASSIGNED";
    }

    @PostMapping("/plans/{planId}/approval")
    String approve(
            @PathVariable long campaignId,
            @PathVariable long planId,
            @RequestParam(required = false) String key,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            AllocationPlans.Approval a = plans.approve(campaignId, planId, key, Callers.current());
            redirect.addFlashAttribute(
                    "flash",
                    Bundles.text(
                            a.repeated() ? "allocation.approve.again" : "allocation.approve.done",
                            locale,
                            a.reserved()));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", e.message(locale));
        }
        return "redirect:/campaigns/" + campaignId + "/allocation/plans/" + planId;
    }

    @GetMapping("/compare")
    String compare(@PathVariable long campaignId, @RequestParam long first, @RequestParam long second, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaigns.get(campaignId, caller));
        model.addAttribute("comparison", comparisons.between(campaignId, first, second, caller));
        return "allocation/compare";
    }

    private static long parseStudent(String raw) {
        try {
            return Long.parseLong(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidValueException.of("allocation.change.student", "allocation.error.student-number");
        }
    }
}
