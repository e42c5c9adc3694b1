package vn.cungem.followup.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.followup.CheckAnswer;
import vn.cungem.followup.Learning;
import vn.cungem.followup.ReturnReason;
import vn.cungem.followup.work.CheckView;
import vn.cungem.followup.work.Checks;
import vn.cungem.followup.work.FollowUpAccess;
import vn.cungem.followup.work.Returns;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;

/**
 * The school's follow-up pages, phone first: the checks due at the school, a check's form (learning online, problems),
 * and a device's page with all its checks and the return form. Plain forms; each carries its own idempotency key so a
 * double tap records once.
 */
@Controller
class CheckPagesController {

    private final Checks checks;
    private final Returns returns;
    private final Names names;

    CheckPagesController(Checks checks, Returns returns, Names names) {
        this.checks = checks;
        this.returns = returns;
        this.names = names;
    }

    /** Each role lands on its part: schools on their checks, volunteers on the cases, managers on coverage. */
    @GetMapping("/followup")
    String home() {
        Caller caller = Callers.current();
        if (caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return "redirect:/followup/cases";
        }
        if (FollowUpAccess.isManager(caller)) {
            return "redirect:/followup/coverage";
        }
        return "redirect:/followup/checks";
    }

    @GetMapping("/followup/checks")
    String list(
            @RequestParam(name = "show", required = false) Checks.Show show,
            @RequestParam(name = "campaign", required = false) Long campaign,
            Model model) {
        Caller caller = Callers.current();
        Checks.Show shown = show == null ? Checks.Show.DUE : show;
        List<CheckView> rows = checks.list(shown, campaign, caller);
        model.addAttribute("show", shown);
        model.addAttribute("shows", Checks.Show.values());
        model.addAttribute("checks", rows);
        model.addAttribute("today", FollowUpAccess.today());
        model.addAttribute(
                "students",
                names.students(rows.stream().map(CheckView::studentId).toList(), caller));
        model.addAttribute(
                "schools", names.schools(rows.stream().map(CheckView::schoolId).toList()));
        return "followup/checks";
    }

    @GetMapping("/followup/checks/{id}")
    String check(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        CheckView check = checks.get(id, caller);
        model.addAttribute("check", check);
        model.addAttribute("today", FollowUpAccess.today());
        model.addAttribute("learnings", Learning.values());
        model.addAttribute(
                "studentName",
                names.students(List.of(check.studentId()), caller).get(check.studentId()));
        model.addAttribute(
                "schoolName", names.schools(List.of(check.schoolId())).get(check.schoolId()));
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        return "followup/check";
    }

    @PostMapping("/followup/checks/{id}")
    String record(
            @PathVariable long id,
            @RequestParam(required = false) Learning learning,
            @RequestParam(required = false) List<String> problems,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String key,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        List<String> ticked = problems == null ? List.of() : problems;
        try {
            CheckAnswer answer = new CheckAnswer(
                    learning,
                    ticked.contains("DEVICE_BROKEN"),
                    ticked.contains("SIM_EXPIRED"),
                    ticked.contains("NO_SIGNAL"),
                    ticked.contains("OTHER"),
                    note);
            Checks.Recorded recorded = checks.record(id, answer, key, caller);
            redirect.addFlashAttribute("recorded", recorded.check().tag());
            redirect.addFlashAttribute("caseId", recorded.caseId());
            return "redirect:/followup/checks";
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
        }
        model.addAttribute("learning", learning);
        model.addAttribute("problems", ticked);
        model.addAttribute("note", note);
        model.addAttribute("key", key);
        return check(id, model);
    }

    /** A device's follow-up: every check, and its return (or the form to return it). */
    @GetMapping("/followup/devices/{id}")
    String device(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        List<CheckView> all = checks.ofFollowUp(id, caller);
        CheckView first = all.get(0);
        model.addAttribute("followUpId", id);
        model.addAttribute("checks", all);
        model.addAttribute("first", first);
        model.addAttribute("today", FollowUpAccess.today());
        model.addAttribute(
                "studentName",
                names.students(List.of(first.studentId()), caller).get(first.studentId()));
        model.addAttribute(
                "schoolName", names.schools(List.of(first.schoolId())).get(first.schoolId()));
        model.addAttribute("returned", returns.of(id, caller).orElse(null));
        model.addAttribute("mayReturn", Returns.mayReturn(caller));
        model.addAttribute("reasons", ReturnReason.values());
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", UUID.randomUUID().toString());
        }
        return "followup/device";
    }

    @PostMapping("/followup/devices/{id}/return")
    String giveBack(
            @PathVariable long id,
            @RequestParam(required = false) ReturnReason reason,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String key,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        try {
            Returns.ReturnView back = returns.record(id, reason, note, key, Callers.current());
            redirect.addFlashAttribute("returnedTag", back.tag());
            return "redirect:/followup/devices/" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
        }
        model.addAttribute("reason", reason);
        model.addAttribute("note", note);
        model.addAttribute("key", key);
        return device(id, model);
    }
}
