package vn.cungem.home;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.Receipts;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;

/**
 * The signed-in home page: per active campaign the caller may see, what waits for them in their role (see
 * {@link RoleFigures}). A school officer who also staffs their school's collection point sees both; an administrator's
 * figure is the system's health (the latest integrity run, added by the audit module to every dashboard).
 */
@Controller
class HomePages {

    /** Active campaigns shown on a home page; a unit rarely runs more than a few at once. */
    static final int CAMPAIGNS = 10;

    private final Campaigns campaigns;
    private final Receipts receipts;
    private final RoleFigures figures;

    HomePages(Campaigns campaigns, Receipts receipts, RoleFigures figures) {
        this.campaigns = campaigns;
        this.receipts = receipts;
        this.figures = figures;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        Caller caller = Callers.current();
        List<Waiting> waiting = new ArrayList<>();
        List<Campaign> workshops = new ArrayList<>();
        boolean officer = caller.is(Role.SCHOOL_OFFICER);
        boolean manager = caller.is(Role.PROGRAMME_MANAGER);
        boolean technician = caller.is(Role.VOLUNTEER_TECHNICIAN);
        boolean staff = officer || technician || caller.is(Role.PARTNER_USER);
        List<Campaign> active = campaigns.active(CAMPAIGNS);
        if (technician) {
            figures.teamQueue(caller).ifPresent(waiting::add);
            active.stream().filter(c -> campaigns.isVisible(c.id(), caller)).forEach(workshops::add);
        }
        if (caller.is(Role.PARTNER_USER)) {
            waiting.addAll(figures.partner(caller));
        }
        Set<Long> receiving = staff ? new HashSet<>(receipts.campaignsReceivingAt(caller)) : Set.of();
        for (Campaign campaign : active) {
            if (officer && campaigns.isVisible(campaign.id(), caller)) {
                waiting.addAll(figures.schoolOfficer(campaign, caller));
            }
            if (manager && campaigns.isVisible(campaign.id(), caller)) {
                waiting.addAll(figures.manager(campaign, caller));
            }
            if (receiving.contains(campaign.id())) {
                waiting.addAll(figures.collection(campaign, caller));
            }
        }
        model.addAttribute("workshops", workshops);
        model.addAttribute("waiting", waiting);
        model.addAttribute("role", caller.role() == null ? "" : caller.role().name());
        return "dashboard";
    }
}
