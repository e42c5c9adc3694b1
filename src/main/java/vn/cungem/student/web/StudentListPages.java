package vn.cungem.student.web;

import java.util.List;
import java.util.Locale;
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
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentPage;
import vn.cungem.student.StudentSort;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.StudentView;
import vn.cungem.student.Students;

/**
 * A campaign's list of students, and the approving unit's view of it with checkboxes to approve, return or reject
 * together; a school proposes its list from here, and managers follow every unit's progress on the roll-up. Mobile
 * first, no JavaScript needed.
 */
@Controller
class StudentListPages {

    private final Students students;
    private final Campaigns campaigns;
    private final MessageSource messages;

    StudentListPages(Students students, Campaigns campaigns, MessageSource messages) {
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
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            Model model,
            Locale locale) {
        var filter = new StudentFilter(
                id,
                unit,
                school,
                parseStatus(status),
                grade,
                category,
                q,
                0,
                StudentFilter.DEFAULT_SIZE,
                StudentSort.parse(sort),
                cursor);
        return listPage(filter, false, model, locale);
    }

    /** The approving unit's view: proposed students with checkboxes to approve, return or reject together. */
    @GetMapping("/campaigns/{id}/students/approval")
    String approval(
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long school,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            Model model,
            Locale locale) {
        var filter = new StudentFilter(
                id,
                null,
                school,
                StudentStatus.PROPOSED,
                null,
                null,
                q,
                0,
                StudentFilter.DEFAULT_SIZE,
                StudentSort.parse(sort),
                cursor);
        return listPage(filter, true, model, locale);
    }

    private String listPage(StudentFilter filter, boolean approval, Model model, Locale locale) {
        Caller caller = Callers.current();
        Campaign campaign = campaigns.get(filter.campaignId(), caller);
        StudentPage result = students.list(filter, caller);
        model.addAttribute("campaign", campaign);
        model.addAttribute("result", result);
        model.addAttribute("q", filter.text());
        model.addAttribute(
                "status", filter.status() == null ? "" : filter.status().name());
        model.addAttribute("grade", filter.grade());
        model.addAttribute("category", filter.category() == null ? "" : filter.category());
        model.addAttribute("school", filter.schoolId());
        model.addAttribute("unit", filter.unitId());
        model.addAttribute("approval", approval);
        model.addAttribute("sort", filter.sort().name());
        model.addAttribute("sorts", StudentSort.values());
        model.addAttribute("statuses", StudentStatus.values());
        model.addAttribute("categoryNames", CategoryNames.of(campaign, locale));
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
        // only a manager's answer depends on the student's unit: the others need not read the student at all
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.is(Role.PROGRAMME_MANAGER)) {
            return false;
        }
        StudentView s = students.get(studentId, caller);
        return students.canApprove(caller, s.unitId());
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
            throw InvalidValueException.of("student.propose-which", "student.error.propose-which");
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
        int count;
        try {
            count = Decisions.apply(students, ids, action, reason, Callers.current());
        } catch (InvalidValueException refused) {
            // back to the same list with the ticks and the reason kept, the refusal shown beside the reason field
            redirect.addFlashAttribute("decideError", refused.message(locale));
            redirect.addFlashAttribute("chosen", ids == null ? List.of() : ids);
            redirect.addFlashAttribute("decideReason", reason);
            return "redirect:/campaigns/" + id + "/students/approval";
        }
        redirect.addFlashAttribute("flash", messages.getMessage("student.decided", new Object[] {count}, locale));
        return "redirect:/campaigns/" + id + "/students/approval";
    }

    @GetMapping("/campaigns/{id}/students/roll-up")
    String rollUp(@PathVariable long id, @RequestParam(required = false) Long unit, Model model) {
        Caller caller = Callers.current();
        model.addAttribute("campaign", campaigns.get(id, caller));
        model.addAttribute("rollUp", students.rollUp(id, unit, caller));
        return "student/rollup";
    }
}
