package vn.cungem.donation.cash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * Who may see and handle a campaign's money: the managers who may edit the campaign (its organising unit or above)
 * and administrators. Everyone else gets the same 404 as for a missing campaign; the public sees totals on the
 * transparency portal instead.
 */
@Component
class CashAccess {

    private final Campaigns campaigns;
    private final JdbcClient jdbc;

    CashAccess(Campaigns campaigns, JdbcClient jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    Campaign require(long campaignId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        if (!campaigns.canEdit(campaign, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        return campaign;
    }

    /** Serialises imports, matches and debits of one campaign, so the balance check and fingerprints hold. */
    void lock(long campaignId) {
        jdbc.sql("select id from campaign where id = ? for update")
                .param(campaignId)
                .query(Long.class)
                .single();
    }

    static long unitOf(Campaign campaign) {
        return campaign.organisingUnit().id();
    }
}
