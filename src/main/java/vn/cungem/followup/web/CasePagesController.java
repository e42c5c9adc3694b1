package vn.cungem.followup.web;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.followup.CaseStatus;
import vn.cungem.followup.work.SupportCases;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** The support-case queue of a volunteer team (and of managers and schools, who follow it), and one case's page. */
@Controller
class CasePagesController {

    private final SupportCases cases;
    private final Names names;

    CasePagesController(SupportCases cases, Names names) {
        this.cases = cases;
        this.names = names;
    }

    @GetMapping("/followup/cases")
    String list(@RequestParam(name = "status", required = false) CaseStatus status, Model model) {
        Caller caller = Callers.current();
        List<SupportCases.CaseView> rows = cases.list(status, caller);
        model.addAttribute("cases", rows);
        model.addAttribute("status", status);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute(
                "schools",
                names.schools(rows.stream().map(SupportCases.CaseView::schoolId).toList()));
        return "followup/cases";
    }

    @GetMapping("/followup/cases/{id}")
    String show(@PathVariable long id, Model model) {
        Caller caller = Callers.current();
        SupportCases.CaseView found = cases.get(id, caller);
        model.addAttribute("c", found);
        model.addAttribute(
                "schoolName", names.schools(List.of(found.schoolId())).get(found.schoolId()));
        model.addAttribute("mayWork", cases.mayWork(caller));
        return "followup/case";
    }

    @PostMapping("/followup/cases/{id}/start")
    String start(@PathVariable long id) {
        cases.start(id, Callers.current());
        return "redirect:/followup/cases/" + id;
    }

    @PostMapping("/followup/cases/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String note, Locale locale, Model model) {
        try {
            cases.resolve(id, note, Callers.current());
            return "redirect:/followup/cases/" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("error", e.message(locale));
            model.addAttribute("note", note);
            return show(id, model);
        }
    }
}
