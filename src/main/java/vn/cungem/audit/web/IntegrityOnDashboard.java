package vn.cungem.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.cungem.audit.integrity.IntegrityRun;
import vn.cungem.audit.integrity.IntegrityRuns;
import vn.cungem.shared.security.Callers;

/**
 * Puts the last integrity run on an administrator's dashboard (the page lives in the shared kernel, which cannot know
 * about audit), so a failed night is seen the next morning without looking for it.
 */
@ControllerAdvice(basePackages = "vn.cungem.home")
class IntegrityOnDashboard {

    private final IntegrityRuns runs;

    IntegrityOnDashboard(IntegrityRuns runs) {
        this.runs = runs;
    }

    @ModelAttribute("integrityLatest")
    IntegrityRun latest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"/dashboard".equals(path) || !Callers.current().isAdmin()) {
            return null;
        }
        return runs.recent(1).stream().findFirst().orElse(null);
    }
}
