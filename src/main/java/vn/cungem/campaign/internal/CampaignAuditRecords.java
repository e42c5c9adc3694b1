package vn.cungem.campaign.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.audit.AuditedRecords;
import vn.cungem.shared.security.Caller;

/** A campaign's history is for those who may see the campaign. */
@Component
class CampaignAuditRecords implements AuditedRecords {

    private final Campaigns campaigns;

    CampaignAuditRecords(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(Campaigns.ENTITY);
    }

    @Override
    public boolean maySee(String entityType, String entityId, Caller caller) {
        Long id = AuditedRecords.numericId(entityId);
        return id != null && campaigns.isVisible(id, caller);
    }
}
