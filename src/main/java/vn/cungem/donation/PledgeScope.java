package vn.cungem.donation;

import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;

/** Which of a campaign's pledges a manager follows up: one rule for lists, details, visibility and counts. */
@Component
class PledgeScope {

    private final Campaigns campaigns;
    private final UnitScopes scopes;

    PledgeScope(Campaigns campaigns, UnitScopes scopes) {
        this.campaigns = campaigns;
        this.scopes = scopes;
    }

    /** Managers who may edit the campaign see all its pledges; others those brought to points in their scope. */
    String condition(Campaign campaign, Caller caller) {
        if (campaigns.canEdit(campaign, caller)) {
            return "";
        }
        return " and p.collection_point_id in (select cp2.id from collection_point cp2 where "
                + scopes.unitFilter(caller, "cp2.unit_id") + ")";
    }
}
