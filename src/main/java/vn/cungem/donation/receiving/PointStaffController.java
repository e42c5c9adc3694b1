package vn.cungem.donation.receiving;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.donation.CollectionPoint;
import vn.cungem.donation.CollectionPointStaff;
import vn.cungem.donation.CollectionPoints;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.text.Bundles;

/**
 * The page where a point's managers choose who receives goods there besides the host school's officer: partner
 * organisations and volunteer teams, found by name (issue 13; until now only through the API).
 */
@Controller
class PointStaffController {

    private final CollectionPoints points;
    private final CollectionPointStaff staff;
    private final StaffChoices choices;

    PointStaffController(CollectionPoints points, CollectionPointStaff staff, StaffChoices choices) {
        this.points = points;
        this.staff = staff;
        this.choices = choices;
    }

    @GetMapping("/campaigns/{id}/points/{pointId}/staff")
    String page(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam(name = "q", required = false) String query,
            Model model) {
        Caller caller = Callers.current();
        CollectionPoint point = points.get(id, pointId, caller);
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        model.addAttribute("campaignId", id);
        model.addAttribute("point", point);
        model.addAttribute("staffed", choices.named(staff.list(id, pointId, caller)));
        model.addAttribute("q", q);
        model.addAttribute("partners", choices.partners(q, caller));
        model.addAttribute("teams", choices.teams(q, caller));
        return "donation/receiving/staff";
    }

    @PostMapping("/campaigns/{id}/points/{pointId}/staff")
    String assign(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam(required = false) Long partnerId,
            @RequestParam(required = false) Long teamId,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            staff.assign(id, pointId, partnerId, teamId, Callers.current());
            redirect.addFlashAttribute("flash", Bundles.text("volunteer.staff.assigned", locale));
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("staffError", e.message(locale));
        }
        return "redirect:/campaigns/" + id + "/points/" + pointId + "/staff";
    }

    @PostMapping("/campaigns/{id}/points/{pointId}/staff/{assignmentId}/remove")
    String remove(
            @PathVariable long id,
            @PathVariable long pointId,
            @PathVariable long assignmentId,
            Locale locale,
            RedirectAttributes redirect) {
        staff.remove(id, pointId, assignmentId, Callers.current());
        redirect.addFlashAttribute("flash", Bundles.text("volunteer.staff.removed", locale));
        return "redirect:/campaigns/" + id + "/points/" + pointId + "/staff";
    }
}
