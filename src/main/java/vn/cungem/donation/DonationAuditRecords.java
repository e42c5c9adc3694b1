package vn.cungem.donation;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.cungem.shared.audit.AuditedRecords;
import vn.cungem.shared.security.Caller;

/**
 * A pledge's history is for those who follow the pledge up; a donor's (name, anonymity) for those who may open one
 * of the donor's pledges. Volunteers and other districts see neither.
 */
@Component
class DonationAuditRecords implements AuditedRecords {

    private final Pledges pledges;

    DonationAuditRecords(Pledges pledges) {
        this.pledges = pledges;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(Pledges.ENTITY, Donors.ENTITY);
    }

    @Override
    public boolean maySee(String entityType, String entityId, Caller caller) {
        Long id = AuditedRecords.numericId(entityId);
        if (id == null) {
            return false;
        }
        return Donors.ENTITY.equals(entityType) ? pledges.isDonorVisible(id, caller) : pledges.isVisible(id, caller);
    }
}
