package vn.cungem.donation.receiving;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.donation.Receipts;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/**
 * Issue 13: collection staff's way in. The campaign's donation pages are for its managers; a school's officer or an
 * assigned team finds here the active campaigns and the points where they receive goods, one tap from the form.
 */
@Controller
class WhereIReceiveController {

    private final Receipts receipts;
    private final Campaigns campaigns;

    WhereIReceiveController(Receipts receipts, Campaigns campaigns) {
        this.receipts = receipts;
        this.campaigns = campaigns;
    }

    record CampaignPoints(long campaignId, String campaignName, List<Receipts.Point> points) {}

    @GetMapping("/receiving")
    String where(Model model) {
        Caller caller = Callers.current();
        List<CampaignPoints> found = receipts.campaignsReceivingAt(caller).stream()
                .filter(id -> campaigns.isVisible(id, caller))
                .map(campaigns::find)
                .flatMap(java.util.Optional::stream)
                .filter(c -> c.status() == CampaignStatus.ACTIVE)
                .map(c -> new CampaignPoints(c.id(), c.name(), receipts.pointsFor(c.id(), caller)))
                .filter(c -> !c.points().isEmpty())
                .toList();
        model.addAttribute("campaigns", found);
        return "donation/receiving/where";
    }
}
