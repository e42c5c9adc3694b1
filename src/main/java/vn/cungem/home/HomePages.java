package vn.cungem.home;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.student.StudentFilter;
import vn.cungem.student.StudentPage;
import vn.cungem.student.StudentStatus;
import vn.cungem.student.Students;

/**
 * The signed-in home page: per active campaign the caller may see, what waits for them in their role. A school officer
 * sees the students returned for correction and those not yet proposed; a manager the students proposed and waiting
 * for approval. Counts come from the student list's per-status counts, so they obey the same scope as the list they
 * link to.
 */
@Controller
class HomePages {

    /** Active campaigns shown on a home page; a unit rarely runs more than a few at once. */
    static final int CAMPAIGNS = 10;

    private final Campaigns campaigns;
    private final Students students;

    HomePages(Campaigns campaigns, Students students) {
        this.campaigns = campaigns;
        this.students = students;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        Caller caller = Callers.current();
        List<Waiting> waiting = new ArrayList<>();
        List<Campaign> workshops = new ArrayList<>();
        if (caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            campaigns.active(CAMPAIGNS).stream()
                    .filter(c -> campaigns.isVisible(c.id(), caller))
                    .forEach(workshops::add);
        }
        model.addAttribute("workshops", workshops);
        boolean officer = caller.is(Role.SCHOOL_OFFICER);
        boolean manager = caller.is(Role.PROGRAMME_MANAGER);
        if (officer || manager) {
            for (Campaign campaign : campaigns.active(CAMPAIGNS)) {
                if (!campaigns.isVisible(campaign.id(), caller)) {
                    continue;
                }
                StudentFilter one = new StudentFilter(campaign.id(), null, null, null, null, null, null, 0, 1);
                StudentPage counts = students.list(one, caller);
                String list = "/campaigns/" + campaign.id() + "/students?status=";
                if (officer) {
                    waiting.add(new Waiting(
                            "home.waiting.returned",
                            counts.count(StudentStatus.RETURNED),
                            campaign.name(),
                            list + StudentStatus.RETURNED.name()));
                    waiting.add(new Waiting(
                            "home.waiting.toPropose",
                            counts.count(StudentStatus.REGISTERED),
                            campaign.name(),
                            list + StudentStatus.REGISTERED.name()));
                } else {
                    waiting.add(new Waiting(
                            "home.waiting.toApprove",
                            counts.count(StudentStatus.PROPOSED),
                            campaign.name(),
                            list + StudentStatus.PROPOSED.name()));
                }
            }
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("role", caller.role() == null ? "" : caller.role().name());
        return "dashboard";
    }
}
