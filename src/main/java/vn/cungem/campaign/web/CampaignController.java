package vn.cungem.campaign.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaign.UnitRef;
import vn.cungem.campaign.CampaignInvalidException;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.campaign.CampaignSpec;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.ItemType;
import vn.cungem.campaign.internal.CampaignTexts;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Campaign pages: list, create, detail, edit and status moves. They work without JavaScript; htmx adds rows. */
@Controller
class CampaignController {

    private final Campaigns campaigns;
    private final MessageSource messages;
    private final CampaignTexts texts;

    CampaignController(Campaigns campaigns, MessageSource messages, CampaignTexts texts) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.texts = texts;
    }

    /** Row indexes beyond what a person could type are dropped instead of failing the request. */
    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setIgnoreInvalidFields(true);
        binder.setAutoGrowCollectionLimit(CampaignForm.MAX_ROWS);
    }

    @ModelAttribute("statuses")
    CampaignStatus[] statuses() {
        return CampaignStatus.values();
    }

    @GetMapping("/campaigns")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Caller caller = Callers.current();
        CampaignStatus wanted = parseStatus(status);
        model.addAttribute("result", campaigns.search(q, wanted, caller, page, Campaigns.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("canCreate", Campaigns.canManage(caller));
        return "campaign/list";
    }

    @GetMapping("/campaigns/new")
    String createForm(Model model) {
        Caller caller = Callers.current();
        requireManager(caller);
        String ownUnit = caller.scope().unitId() == null
                ? null
                : campaigns.unit(caller.scope().unitId()).map(UnitRef::code).orElse(null);
        model.addAttribute("step", 1);
        return form(model, CampaignForm.withDefaults(ownUnit), List.of(), null);
    }

    @PostMapping("/campaigns/new")
    String create(
            @ModelAttribute("form") CampaignForm form,
            BindingResult binding,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String go,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        requireManager(caller);
        model.addAttribute("step", CampaignSteps.parse(step));
        return submit(form, go, model, locale, null, "code", spec -> {
            Campaign created = campaigns.create(spec, caller);
            redirect.addFlashAttribute("flash", message("campaign.flash.created", locale, created.code()));
            return "redirect:/campaigns/" + created.id();
        });
    }

    @GetMapping("/campaigns/{id}")
    String detail(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        Campaign campaign = campaigns.get(id, caller);
        model.addAttribute("campaign", campaign);
        model.addAttribute("canEdit", campaigns.canEdit(campaign, caller));
        model.addAttribute("moves", campaign.status().next());
        return "campaign/detail";
    }

    @GetMapping("/campaigns/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Campaign campaign = editable(id);
        // an edit opens on the last step, whose summary leads back to each earlier step ("check your answers")
        model.addAttribute("step", CampaignSteps.LAST);
        return form(model, CampaignForm.of(campaign), List.of(), campaign);
    }

    @PostMapping("/campaigns/{id}/edit")
    String edit(
            @PathVariable long id,
            @ModelAttribute("form") CampaignForm form,
            BindingResult binding,
            @RequestParam(required = false) String step,
            @RequestParam(required = false) String go,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        Campaign campaign = editable(id);
        model.addAttribute("step", CampaignSteps.parse(step));
        return submit(form, go, model, locale, campaign, "form", spec -> {
            campaigns.update(id, spec, form.getVersion(), form.getReason(), Callers.current());
            redirect.addFlashAttribute("flash", message("campaign.flash.saved", locale, campaign.code()));
            return "redirect:/campaigns/" + id;
        });
    }

    /**
     * Adds a row when asked to, moves between steps ({@code go}: next, back, edit-N) after checking the steps so far,
     * or saves; what cannot be saved comes back on the step of its field, beside it. Every step's fields travel with
     * every post (the other steps are only hidden), so nothing is kept on the server between steps. An
     * {@link InvalidValueException} from saving is shown on {@code invalidField}.
     */
    private String submit(
            CampaignForm form,
            String go,
            Model model,
            Locale locale,
            Campaign campaign,
            String invalidField,
            Function<CampaignSpec, String> save) {
        if (form.getAdd() != null) {
            form.addRow(form.getAdd());
            return form(model, form, List.of(), campaign);
        }
        form.compact();
        List<CampaignProblem> problems = new ArrayList<>();
        CampaignSpec spec = read(form, problems);
        int step = (int) model.getAttribute("step");
        if (go != null && step > CampaignSteps.ALL) {
            boolean english = isEnglish(locale);
            List<CampaignProblem> all = new ArrayList<>(problems);
            if (spec != null) {
                // the campaign's own rules too (a missing name), which saving would otherwise be the first to check
                spec.problems().stream()
                        .filter(p -> all.stream().noneMatch(q -> q.field().equals(p.field())))
                        .forEach(all::add);
            }
            Map<String, String> sofar =
                    "next".equals(go) ? CampaignSteps.upTo(step, CampaignForm.byField(all, english)) : Map.of();
            int next = sofar.isEmpty() ? CampaignSteps.target(go, step) : CampaignSteps.firstWith(sofar, step);
            model.addAttribute("step", next);
            model.addAttribute("errors", sofar);
            model.addAttribute("summary", CampaignForm.summary(sofar));
            form.padRows();
            return form(model, form, List.of(), campaign);
        }
        if (problems.isEmpty()) {
            try {
                return save.apply(spec);
            } catch (CampaignInvalidException e) {
                problems.addAll(e.problems());
            } catch (InvalidValueException e) {
                problems.add(new CampaignProblem(invalidField, e.messageVi(), e.messageEn()));
            }
        }
        form.padRows();
        Map<String, String> errors = CampaignForm.byField(problems, isEnglish(locale));
        model.addAttribute("errors", errors);
        model.addAttribute("summary", CampaignForm.summary(errors));
        if (step > CampaignSteps.ALL) {
            model.addAttribute("step", CampaignSteps.firstWith(errors, step));
        }
        return form(model, form, problems, campaign);
    }

    @PostMapping("/campaigns/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        try {
            Campaign moved = campaigns.changeStatus(id, parseStatus(target), reason, caller);
            redirect.addFlashAttribute(
                    "flash",
                    message(
                            "campaign.flash.status",
                            locale,
                            isEnglish(locale)
                                    ? moved.status().nameEn()
                                    : moved.status().nameVi()));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("statusError", e.message(locale));
            // the refused move's form shows the error beside its reason field
            redirect.addFlashAttribute("statusTarget", target);
        }
        return "redirect:/campaigns/" + id;
    }

    /** htmx: one blank row of a repeated section, numbered to follow the rows already on the page. */
    @GetMapping("/campaigns/rows/{kind}")
    String row(@PathVariable String kind, @RequestParam(defaultValue = "0") int index, Model model) {
        requireManager(Callers.current());
        if (!Set.of("phase", "category", "requirement", "milestone").contains(kind)) {
            throw InvalidValueException.of("campaign-row", "campaign.error.row-kind");
        }
        int safe = Math.max(0, Math.min(index, CampaignForm.MAX_ROWS - 1));
        CampaignForm form = new CampaignForm();
        for (int i = 0; i <= safe; i++) {
            form.addRow(kind);
        }
        model.addAttribute("form", form);
        model.addAttribute("i", safe);
        model.addAttribute("errors", java.util.Map.of());
        model.addAttribute("itemTypes", ItemType.values());
        return "campaign/rows :: " + kind;
    }

    private CampaignSpec read(CampaignForm form, List<CampaignProblem> problems) {
        Long organiserId = null;
        String organiserCode = form.getOrganisingUnitCode();
        if (organiserCode != null && !organiserCode.isBlank()) {
            // The picker shows "code — name"; keep the code.
            String codeOnly = organiserCode.trim().split("\\s")[0];
            Optional<UnitRef> organiser = campaigns.unitByCode(codeOnly);
            if (organiser.isEmpty()) {
                problems.add(texts.problem("organisingUnit", "campaign.error.unknown-unit", codeOnly));
            } else {
                organiserId = organiser.get().id();
            }
        }
        Set<Long> participating = new LinkedHashSet<>();
        try {
            campaigns.unitsByCodes(form.participatingCodes()).forEach(u -> participating.add(u.id()));
        } catch (CampaignInvalidException e) {
            problems.addAll(e.problems());
        }
        if (form.isAllChildren() && organiserId != null) {
            campaigns.childUnits(organiserId).forEach(u -> participating.add(u.id()));
        }
        CampaignSpec spec = form.toSpec(organiserId, new ArrayList<>(participating), problems);
        if (spec != null && problems.isEmpty()) {
            return spec;
        }
        if (spec != null) {
            // Report the rule breaks too, so a person fixes everything in one round.
            problems.addAll(spec.problems().stream()
                    .filter(p -> !p.field().equals("organisingUnit"))
                    .filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
                    .toList());
        }
        return spec;
    }

    private String form(Model model, CampaignForm form, List<CampaignProblem> problems, Campaign campaign) {
        model.addAttribute("form", form);
        model.addAttribute("campaign", campaign);
        model.addAttribute("levels", SchoolLevel.values());
        model.addAttribute("itemTypes", ItemType.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", java.util.Map.of());
        }
        model.addAttribute("problems", problems);
        return "campaign/form";
    }

    private Campaign editable(long id) {
        Caller caller = Callers.current();
        Campaign campaign = campaigns.get(id, caller);
        if (!campaigns.canEdit(campaign, caller)) {
            throw new AccessDeniedException("campaign " + id + " is managed above the caller");
        }
        return campaign;
    }

    private static void requireManager(Caller caller) {
        if (!Campaigns.canManage(caller)) {
            throw new AccessDeniedException("only managers set up campaigns");
        }
    }

    private CampaignStatus parseStatus(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CampaignStatus.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidValueException.of("campaign-status-unknown", "campaign.error.unknown-status", text);
        }
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static boolean isEnglish(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
