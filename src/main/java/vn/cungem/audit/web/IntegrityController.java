package vn.cungem.audit.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.audit.integrity.IntegrityRun;
import vn.cungem.audit.integrity.IntegrityRuns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** The integrity checks' last result and recent runs, for administrators only (403 for anyone else). */
@Controller
class IntegrityController {

    private final IntegrityRuns runs;

    IntegrityController(IntegrityRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/audit/integrity")
    String show(Model model) {
        requireAdmin();
        model.addAttribute("latest", runs.latest().orElse(null));
        model.addAttribute("recent", runs.recent(30));
        model.addAttribute("checkCodes", runs.checkCodes());
        return "audit/integrity";
    }

    /** Runs the checks now (after a restore, or to confirm a fix) instead of waiting for the night. */
    @PostMapping("/audit/integrity/runs")
    String runNow(RedirectAttributes redirect) {
        Caller caller = requireAdmin();
        IntegrityRun run = runs.runAll(IntegrityRun.Trigger.MANUAL, caller.displayName());
        redirect.addFlashAttribute("ranNow", run.id());
        return "redirect:/audit/integrity";
    }

    static Caller requireAdmin() {
        Caller caller = Callers.current();
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("integrity checks are for administrators");
        }
        return caller;
    }
}
