package vn.cungem.allocation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.allocation.AllocationPlans;
import vn.cungem.allocation.engine.Quota;
import vn.cungem.allocation.engine.Rules;
import vn.cungem.allocation.plans.PlanAccess;
import vn.cungem.allocation.plans.PlanComparisons;
import vn.cungem.allocation.plans.PlanKind;
import vn.cungem.allocation.plans.PlanQueries;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.StudentNames;

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
    private final StudentNames names;
    private final UnitDirectory units;

    AllocationController(
            AllocationPlans plans,
            PlanQueries queries,
            PlanComparisons comparisons,
            PlanAccess access,
            Campaigns campaigns,
            StudentNames names,
            UnitDirectory units) {
        this.plans = plans;
        this.queries = queries;
        this.comparisons = comparisons;
        this.access = access;
        this.campaigns = campaigns;
        this.names = names;
        this.units = units;
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

    /** Stage 1 alone (quotas per district), with the run form below to go on to matching. Stores nothing. */
    @GetMapping("/quotas")
    String quotas(
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "true") boolean siblings,
            @RequestParam(defaultValue = "true") boolean connectivity,
            Model model) {
        Caller caller = Callers.current();
        access.requirePlanner(caller);
        model.addAttribute("campaign", campaigns.get(campaignId, caller));
        Map<Long, List<Quota>> byDistrict = plans.quotas(campaignId, new Rules(siblings, connectivity), caller).stream()
                .filter(q -> q.need() + q.quota() > 0)
                .collect(Collectors.groupingBy(Quota::districtId, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("quotas", byDistrict);
        model.addAttribute("districts", units.names(byDistrict.keySet()));
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("key", UUID.randomUUID().toString());
        return "allocation/quotas";
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
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String student,
            Locale locale,
            Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaigns.get(campaignId, caller));
        model.addAttribute("plan", queries.summary(campaignId, planId, caller));
        // one small table per district: a row per kind reads better than the district's name repeated on every row
        Map<Long, List<PlanQueries.QuotaRow>> quotas = queries.quotas(campaignId, planId, caller).stream()
                .collect(Collectors.groupingBy(
                        PlanQueries.QuotaRow::districtId, LinkedHashMap::new, Collectors.toCollection(ArrayList::new)));
        // kinds in the order the engine splits them (devices first), as on the quotas page
        quotas.values().forEach(rows -> rows.sort(Comparator.comparing(PlanQueries.QuotaRow::kind)));
        model.addAttribute("quotas", quotas);
        model.addAttribute("schools", queries.schools(campaignId, planId, caller));
        PlanQueries.LinePage lines = queries.lines(campaignId, planId, school, show, page, locale, caller);
        model.addAttribute("lines", lines);
        // one query for the page's students, each name whole or masked as this reader may see the child
        model.addAttribute(
                "names",
                names.of(
                        lines.lines().stream()
                                .map(PlanQueries.LineView::studentId)
                                .filter(Objects::nonNull)
                                .toList(),
                        caller));
        // a row's "choose" link fills one field of the change form and keeps what the other already holds
        if (!model.containsAttribute("changeForm")) {
            model.addAttribute("changeForm", new String[] {item, student, null});
        }
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
        String back = "redirect:/campaigns/" + campaignId + "/allocation/plans/" + planId;
        Map<String, String> errors = new LinkedHashMap<>();
        if (itemTag == null || itemTag.isBlank()) {
            errors.put("itemTag", Bundles.text("allocation.error.item-required", locale));
        }
        Long student = null;
        try {
            student = parseStudent(studentId);
        } catch (InvalidValueException e) {
            errors.put("studentId", e.message(locale));
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", Bundles.text("allocation.error.reason-required", locale));
        }
        if (errors.isEmpty()) {
            try {
                Caller caller = Callers.current();
                plans.change(campaignId, planId, itemTag, student, reason, caller);
                StudentNames.Name name = names.of(List.of(student), caller).get(student);
                redirect.addFlashAttribute(
                        "flash",
                        name == null
                                ? Bundles.text(
                                        "allocation.change.done", locale, itemTag.strip(), Long.toString(student))
                                : Bundles.text(
                                        "allocation.change.done.named",
                                        locale,
                                        itemTag.strip(),
                                        Long.toString(student),
                                        name.text()));
                return back + "?show=ASSIGNED";
            } catch (InvalidValueException e) {
                errors.put(field(e.code()), e.message(locale));
            }
        }
        redirect.addFlashAttribute("changeErrors", errors);
        redirect.addFlashAttribute("changeForm", new String[] {itemTag, studentId, reason});
        return back + "#change";
    }

    /** The form field an error from the service belongs to, so it is shown next to that field. */
    private static String field(String code) {
        return switch (code == null ? "" : code) {
            case "allocation.change.item", "allocation.change.same" -> "itemTag";
            case "allocation.change.student" -> "studentId";
            case "allocation.change.reason" -> "reason";
            default -> "form";
        };
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
            return "redirect:/campaigns/" + campaignId + "/allocation/plans/" + planId;
        }
        // what the manager wants to see next: the items now held, child by child
        return "redirect:/campaigns/" + campaignId + "/allocation/plans/" + planId + "?show=ASSIGNED";
    }

    /**
     * Withdraws an approved plan: its devices go back to ready, with the reason (required, asked for next to its field
     * when missing). Refused while one of its devices has already been handed to a child.
     */
    @PostMapping("/plans/{planId}/withdrawal")
    String withdraw(
            @PathVariable long campaignId,
            @PathVariable long planId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        String back = "redirect:/campaigns/" + campaignId + "/allocation/plans/" + planId;
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute(
                    "withdrawError", Bundles.text("allocation.error.withdraw-reason-required", locale));
            return back + "#withdraw";
        }
        try {
            AllocationPlans.Withdrawal w = plans.withdraw(campaignId, planId, reason, Callers.current());
            redirect.addFlashAttribute(
                    "flash",
                    Bundles.text(
                            w.repeated() ? "allocation.withdraw.again" : "allocation.withdraw.done",
                            locale,
                            w.released()));
            return back;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("withdrawError", e.message(locale));
            redirect.addFlashAttribute("withdrawReason", reason);
            return back + "#withdraw";
        }
    }

    @GetMapping("/compare")
    String compare(@PathVariable long campaignId, @RequestParam long first, @RequestParam long second, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaigns.get(campaignId, caller));
        PlanComparisons.Comparison comparison = comparisons.between(campaignId, first, second, caller);
        model.addAttribute("comparison", comparison);
        List<Long> shown = Stream.of(comparison.gained(), comparison.lost(), comparison.moved())
                .flatMap(List::stream)
                .map(PlanComparisons.Change::studentId)
                .toList();
        model.addAttribute("names", names.of(shown, caller));
        return "allocation/compare";
    }

    private static long parseStudent(String raw) {
        try {
            if (raw == null || raw.isBlank()) {
                throw InvalidValueException.of("allocation.change.student", "allocation.error.student-required");
            }
            return Long.parseLong(raw.strip().replace(".", ""));
        } catch (NumberFormatException e) {
            throw InvalidValueException.of("allocation.change.student", "allocation.error.student-number");
        }
    }
}
