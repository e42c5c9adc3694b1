package vn.cungem.student.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.PriorityCategory;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.student.Connectivity;
import vn.cungem.student.DeviceSituation;
import vn.cungem.student.FieldProblem;
import vn.cungem.student.Gender;
import vn.cungem.student.Needs;
import vn.cungem.student.PriorityScore;
import vn.cungem.student.Registration;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentInvalidException;
import vn.cungem.student.StudentPage;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/**
 * The registry's pages: a campaign's list (with the approval checkboxes for the approving unit), the register and edit
 * form, a student's page with history, evidence and duplicates, and the roll-up. Mobile first; htmx only previews the
 * priority score, everything works without JavaScript.
 */
@Controller
class StudentPagesController {

    private final Students students;
    private final Campaigns campaigns;
    private final MessageSource messages;

    StudentPagesController(Students students, Campaigns campaigns, MessageSource messages) {
        this.students = students;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @GetMapping("/students")
    String campaigns(Model model) {
        model.addAttribute("result", campaigns.search(null, null, Callers.current(), 0, 100));
        return "student/campaigns";
    }

    @GetMapping("/campaigns/{id}/students")
    String list(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Long school,
            @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            Locale locale) {
        return listPage(id, q, parseStatus(status), grade, category, school, unit, page, false, model, locale);
    }

    /** The approving unit's view: proposed students with checkboxes to approve, return or reject together. */
    @GetMapping("/campaigns/{id}/students/approval")
    String approval(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long school,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            Locale locale) {
        return listPage(id, q, StudentStatus.PROPOSED, null, null, school, null, page, true, model, locale);
    }

    private String listPage(
            long id,
            String q,
            StudentStatus status,
            Integer grade,
            String category,
            Long school,
            Long unit,
            int page,
            boolean approval,
            Model model,
            Locale locale) {
        Caller caller = Callers.current();
        Campaign campaign = campaigns.get(id, caller);
        StudentPage result = students.list(
                new StudentFilter(id, unit, school, status, grade, category, q, page, StudentFilter.DEFAULT_SIZE),
                caller);
        model.addAttribute("campaign", campaign);
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("grade", grade);
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("school", school);
        model.addAttribute("unit", unit);
        model.addAttribute("approval", approval);
        model.addAttribute("statuses", StudentStatus.values());
        model.addAttribute("categoryNames", categoryNames(campaign, locale));
        model.addAttribute("canRegister", students.canRegister(caller) && !caller.is(Role.PARTNER_USER));
        model.addAttribute("ownSchool", students.ownSchool(caller));
        model.addAttribute("isManager", caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER));
        model.addAttribute(
                "canDecide",
                // a manager's scope is one unit, so whether they approve one proposed row tells for the others
                result.rows().stream()
                        .filter(r -> !r.masked() && r.status() == StudentStatus.PROPOSED)
                        .findFirst()
                        .map(r -> canDecideOn(r.id(), caller))
                        .orElse(false));
        return "student/list";
    }

    private boolean canDecideOn(long studentId, Caller caller) {
        StudentView s = students.get(studentId, caller);
        return students.canApprove(caller, s.unitId());
    }

    private static Map<String, String> categoryNames(Campaign campaign, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        boolean english = "en".equals(locale.getLanguage());
        for (PriorityCategory c : campaign.spec().categories()) {
            names.put(c.code(), english && c.nameEn() != null && !c.nameEn().isBlank() ? c.nameEn() : c.nameVi());
        }
        return names;
    }

    private static StudentStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return StudentStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/campaigns/{id}/students/propose")
    String proposeSchool(
            @PathVariable long id,
            @RequestParam(required = false) Long schoolId,
            Locale locale,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        Long school = schoolId != null ? schoolId : students.ownSchool(caller);
        if (school == null) {
            throw new InvalidValueException(
                    "student.propose-which", "Chưa chọn trường để đề xuất.", "No school was chosen to propose.");
        }
        int count = students.proposeSchool(id, school, caller);
        redirect.addFlashAttribute("flash", messages.getMessage("student.proposed", new Object[] {count}, locale));
        return "redirect:/campaigns/" + id + "/students";
    }

    @PostMapping("/campaigns/{id}/students/decide")
    String decide(
            @PathVariable long id,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        int count = apply(ids, action, reason);
        redirect.addFlashAttribute("flash", messages.getMessage("student.decided", new Object[] {count}, locale));
        return "redirect:/campaigns/" + id + "/students/approval";
    }

    private int apply(List<Long> ids, String action, String reason) {
        Caller caller = Callers.current();
        List<Long> chosen = ids == null ? List.of() : ids;
        return switch (action == null ? "" : action) {
            case "approve" -> students.approve(chosen, caller);
            case "return" -> students.returnForCorrection(chosen, reason, caller);
            case "reject" -> students.reject(chosen, reason, caller);
            case "propose" -> students.propose(chosen, caller);
            default ->
                throw new InvalidValueException("student.action", "Chưa chọn thao tác.", "No action was chosen.");
        };
    }

    // ---- form

    @GetMapping("/campaigns/{id}/students/new")
    String newStudent(@PathVariable long id, @RequestParam(required = false) Long school, Model model) {
        Campaign campaign = campaigns.get(id, Callers.current());
        if (!students.canRegister(Callers.current())) {
            throw new vn.cungem.shared.NotFoundException("campaign", id);
        }
        StudentBody empty = new StudentBody(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "DEVICE",
                null);
        return form(model, campaign, null, empty, school, Map.of(), List.of());
    }

    @PostMapping("/campaigns/{id}/students/new")
    String register(
            @PathVariable long id,
            StudentBody body,
            @RequestParam(required = false) Long schoolId,
            @RequestParam(defaultValue = "false") boolean confirmedDistinct,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        Campaign campaign = campaigns.get(id, caller);
        Registration result;
        try {
            result = students.register(id, schoolId, body.toInput(), confirmedDistinct, null, caller);
        } catch (StudentInvalidException e) {
            return form(model, campaign, null, body, schoolId, errors(e.problems(), locale), List.of());
        } catch (TooManyRequestsException e) {
            // the form stays filled in, with why and for how long
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("alert", e.message(locale));
            return form(model, campaign, null, body, schoolId, Map.of(), List.of());
        } catch (InvalidValueException e) {
            model.addAttribute("alert", e.message(locale));
            return form(model, campaign, null, body, schoolId, Map.of(), List.of());
        }
        if (result.needsConfirmation()) {
            model.addAttribute("candidates", result.likelyDuplicates());
            if (result.likelyElsewhere()) {
                model.addAttribute("elsewhere", messages.getMessage("student.duplicate.likelyElsewhere", null, locale));
            }
            return form(model, campaign, null, body, schoolId, Map.of(), result.warnings());
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
        return form(model, campaign, s, bodyOf(s), s.schoolId(), Map.of(), List.of());
    }

    @PostMapping("/students/{id}/edit")
    String update(
            @PathVariable long id,
            StudentBody body,
            @RequestParam(required = false) Integer version,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        StudentView before = students.get(id, caller);
        Campaign campaign = campaigns.get(before.campaignId(), caller);
        try {
            students.update(id, body.toInput(), version, caller);
        } catch (StudentInvalidException e) {
            return form(model, campaign, before, body, before.schoolId(), errors(e.problems(), locale), List.of());
        } catch (TooManyRequestsException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("alert", e.message(locale));
            return form(model, campaign, before, body, before.schoolId(), Map.of(), List.of());
        } catch (InvalidValueException e) {
            model.addAttribute("alert", e.message(locale));
            return form(model, campaign, before, body, before.schoolId(), Map.of(), List.of());
        }
        redirect.addFlashAttribute("flash", messages.getMessage("student.saved", null, locale));
        return "redirect:/students/" + id;
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
            Model model,
            Campaign campaign,
            StudentView student,
            StudentBody body,
            Long schoolId,
            Map<String, String> errors,
            List<FieldProblem> warnings) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaign);
        model.addAttribute("student", student);
        model.addAttribute("form", body);
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("ownSchool", students.ownSchool(caller));
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
        return java.util.Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static StudentBody bodyOf(StudentView s) {
        return new StudentBody(
                s.fullName(),
                s.birthDate() == null ? null : vn.cungem.shared.text.Formats.date(s.birthDate()),
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

    // ---- the student's page

    @GetMapping("/students/{id}")
    String detail(@PathVariable long id, Model model, Locale locale) {
        Caller caller = Callers.current();
        StudentView s = students.get(id, caller);
        model.addAttribute("s", s);
        model.addAttribute("campaign", campaigns.get(s.campaignId(), caller));
        model.addAttribute("history", students.history(id, caller));
        model.addAttribute("evidence", students.evidence(id, caller));
        model.addAttribute("duplicates", students.likelyDuplicates(id, caller));
        model.addAttribute(
                "duplicateElsewhere",
                students.likelyDuplicateElsewhere(id, caller)
                        ? messages.getMessage("student.duplicate.likelyElsewhere", null, locale)
                        : null);
        model.addAttribute("canApprove", students.canApprove(caller, s.unitId()));
        model.addAttribute("categoryNames", categoryNames(campaigns.get(s.campaignId(), caller), locale));
        return "student/detail";
    }

    @PostMapping("/students/{id}/decide")
    String decideOne(
            @PathVariable long id,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        int count = apply(List.of(id), action, reason);
        redirect.addFlashAttribute("flash", messages.getMessage("student.decided", new Object[] {count}, locale));
        return "redirect:/students/" + id;
    }

    @PostMapping("/students/{id}/merge")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) Long duplicateId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        if (duplicateId == null) {
            throw new InvalidValueException(
                    "student.merge-which", "Chưa chọn hồ sơ trùng để gộp.", "No duplicate record was chosen.");
        }
        students.merge(id, duplicateId, reason, Callers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("student.detail.merged.flash", null, locale));
        return "redirect:/students/" + id;
    }

    @PostMapping("/students/{id}/evidence")
    String upload(
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            Locale locale,
            RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        try {
            students.attachEvidence(id, file == null ? null : file.getOriginalFilename(), content, Callers.current());
        } catch (InvalidValueException e) {
            // Too large, empty or not a PDF/JPEG/PNG: back to the student's page with the message, as for a file
            // over the container's limit (UploadSizeGuard).
            redirect.addFlashAttribute("uploadError", e.message(locale));
            return "redirect:/students/" + id;
        }
        redirect.addFlashAttribute("flash", messages.getMessage("student.detail.evidence.saved", null, locale));
        return "redirect:/students/" + id;
    }

    @PostMapping("/students/{id}/evidence/{evidenceId}/delete")
    String removeEvidence(
            @PathVariable long id,
            @PathVariable long evidenceId,
            @RequestParam(required = false) String reason,
            Locale locale,
            RedirectAttributes redirect) {
        students.removeEvidence(id, evidenceId, reason, Callers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("student.detail.evidence.removed", null, locale));
        return "redirect:/students/" + id;
    }

    @GetMapping("/students/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        var file = students.evidenceFile(id, evidenceId, Callers.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    // ---- roll-up

    @GetMapping("/campaigns/{id}/students/roll-up")
    String rollUp(@PathVariable long id, @RequestParam(required = false) Long unit, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaigns.get(id, caller));
        model.addAttribute("rollUp", students.rollUp(id, unit, caller));
        return "student/rollup";
    }
}
