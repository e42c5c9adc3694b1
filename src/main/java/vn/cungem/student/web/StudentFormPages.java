package vn.cungem.student.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Formats;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.FieldProblem;
import vn.cungem.student.Gender;
import vn.cungem.student.Needs;
import vn.cungem.student.PriorityScore;
import vn.cungem.student.Registration;
import vn.cungem.student.StudentInput;
import vn.cungem.student.StudentInvalidException;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/**
 * The register and edit form. A refused form comes back filled in with why; htmx only previews the priority score as
 * the person chooses, everything works without JavaScript.
 */
@Controller
class StudentFormPages {

    private final Students students;
    private final Campaigns campaigns;
    private final MessageSource messages;

    StudentFormPages(Students students, Campaigns campaigns, MessageSource messages) {
        this.students = students;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    /** What one form page shows besides the fields: the student being edited (null for a new one) and its school. */
    private record Editing(Campaign campaign, StudentView student, Long schoolId) {}

    @GetMapping("/campaigns/{id}/students/new")
    String newStudent(@PathVariable long id, @RequestParam(required = false) Long school, Model model) {
        Campaign campaign = campaigns.get(id, Callers.current());
        if (!students.canRegister(Callers.current())) {
            throw new NotFoundException("campaign", id);
        }
        StudentInput empty = new StudentInput(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "DEVICE",
                null);
        return form(model, new Editing(campaign, null, school), empty, Map.of(), List.of());
    }

    @PostMapping("/campaigns/{id}/students/new")
    String register(
            @PathVariable long id,
            StudentInput body,
            @RequestParam(required = false) Long schoolId,
            @RequestParam(defaultValue = "false") boolean confirmedDistinct,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        Editing editing = new Editing(campaigns.get(id, caller), null, schoolId);
        Registration result;
        try {
            result = students.register(id, schoolId, body, confirmedDistinct, null, caller);
        } catch (InvalidValueException e) {
            return refused(e, model, editing, body, locale, response);
        }
        if (result.needsConfirmation()) {
            model.addAttribute("candidates", result.likelyDuplicates());
            if (result.likelyElsewhere()) {
                model.addAttribute("elsewhere", messages.getMessage("student.duplicate.likelyElsewhere", null, locale));
            }
            return form(model, editing, body, Map.of(), result.warnings());
        }
        String key = result.created() ? "student.registered" : "student.existing";
        redirect.addFlashAttribute("flash", messages.getMessage(key, null, locale));
        redirect.addFlashAttribute("warnings", messagesOf(result.warnings(), locale));
        return "redirect:/students/" + result.student().id();
    }

    @GetMapping("/students/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        StudentView s = students.get(id, Callers.current());
        Campaign campaign = campaigns.get(s.campaignId(), Callers.current());
        return form(model, new Editing(campaign, s, s.schoolId()), inputOf(s), Map.of(), List.of());
    }

    @PostMapping("/students/{id}/edit")
    String update(
            @PathVariable long id,
            StudentInput body,
            @RequestParam(required = false) Integer version,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        StudentView before = students.get(id, caller);
        Editing editing = new Editing(campaigns.get(before.campaignId(), caller), before, before.schoolId());
        try {
            students.update(id, body, version, caller);
        } catch (InvalidValueException e) {
            return refused(e, model, editing, body, locale, response);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("student.saved", null, locale));
        return "redirect:/students/" + id;
    }

    /**
     * The form again, filled in, with why it was refused: field by field for a student that does not check out, as an
     * alert otherwise; past the duplicate-check limit with 429 and for how long.
     */
    private String refused(
            InvalidValueException e,
            Model model,
            Editing editing,
            StudentInput body,
            Locale locale,
            HttpServletResponse response) {
        if (e instanceof StudentInvalidException invalid) {
            return form(model, editing, body, errors(invalid.problems(), locale), List.of());
        }
        if (e instanceof TooManyRequestsException tooMany) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
        }
        model.addAttribute("alert", e.message(locale));
        return form(model, editing, body, Map.of(), List.of());
    }

    /** The priority a form's choices would give, previewed while the person fills it in (htmx). */
    @GetMapping("/campaigns/{id}/students/priority")
    String priority(
            @PathVariable long id,
            @RequestParam(required = false) List<String> categories,
            @RequestParam(required = false) String deviceSituation,
            @RequestParam(required = false) String connectivity,
            @RequestParam(required = false) List<String> needs,
            Model model) {
        Campaign campaign = campaigns.get(id, Callers.current());
        model.addAttribute("priority", preview(campaign, categories, deviceSituation, connectivity, needs));
        return "student/form :: priority";
    }

    private static PriorityScore preview(
            Campaign campaign, List<String> categories, String device, String connection, List<String> needs) {
        Set<String> codes = categories == null ? Set.of() : Set.copyOf(categories);
        Needs need = Needs.parse(needs == null ? "" : String.join(",", needs)).orElse(Needs.DEVICE_ONLY);
        return PriorityScore.of(
                codes,
                campaign.spec().categories(),
                need,
                DeviceSituation.parse(device).orElse(null),
                Connectivity.parse(connection).orElse(null));
    }

    private String form(
            Model model, Editing editing, StudentInput body, Map<String, String> errors, List<FieldProblem> warnings) {
        Campaign campaign = editing.campaign();
        model.addAttribute("campaign", campaign);
        model.addAttribute("student", editing.student());
        model.addAttribute("form", body);
        model.addAttribute("schoolId", editing.schoolId());
        model.addAttribute("ownSchool", students.ownSchool(Callers.current()));
        model.addAttribute("errors", errors);
        model.addAttribute("formWarnings", warnings);
        model.addAttribute("genders", Gender.values());
        model.addAttribute("deviceSituations", DeviceSituation.values());
        model.addAttribute("connectivities", Connectivity.values());
        model.addAttribute("categories", campaign.spec().categories());
        model.addAttribute("chosenCategories", split(body.categories()));
        model.addAttribute(
                "chosenNeeds", split(body.needs() == null || body.needs().isBlank() ? "DEVICE" : body.needs()));
        model.addAttribute(
                "priority",
                preview(
                        campaign,
                        List.copyOf(split(body.categories())),
                        body.deviceSituation(),
                        body.connectivity(),
                        List.copyOf(split(body.needs()))));
        model.addAttribute(
                "weights",
                campaign.spec().categories().stream()
                        .map(c -> c.nameVi() + " +" + c.weight())
                        .collect(Collectors.joining("; ")));
        return "student/form";
    }

    private static Set<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The form as the stored student fills it in (the school is fixed, so not named). */
    private static StudentInput inputOf(StudentView s) {
        return new StudentInput(
                s.fullName(),
                s.birthDate() == null ? null : Formats.date(s.birthDate()),
                s.gender().name(),
                s.personalId(),
                s.moetCode(),
                null,
                Integer.toString(s.grade()),
                s.className(),
                s.homeUnitName(),
                s.address(),
                s.guardianName(),
                s.guardianPhone() == null ? null : s.guardianPhone().national(),
                String.join(",", s.categories()),
                s.deviceSituation().name(),
                s.connectivity().name(),
                s.needs().codes(),
                s.notes());
    }

    private static Map<String, String> errors(List<FieldProblem> problems, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            errors.merge(p.field(), p.message(locale), (a, b) -> a + " " + b);
        }
        return errors;
    }

    private static List<String> messagesOf(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> p.message(locale)).toList();
    }
}
