package vn.cungem.student;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.Phase;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Formats;
import vn.cungem.student.internal.RollUpCounts;

/**
 * For a manager's home page (issue 12): how many schools of the campaign's area in the manager's unit have proposed
 * no student yet, and the deadline they are measured against, without the rest of the roll-up (its per-school lines
 * are what a home page must not read on every visit). The same rule as {@link RollUp#notProposedTotal()}.
 */
@Component
public class LateSchools {

    /** How many schools have not proposed, by which day, and whether that day is past. */
    public record Late(long schools, LocalDate deadline, boolean pastDeadline) {}

    private final RollUpCounts counts;
    private final Campaigns campaigns;
    private final UnitScopes scopes;

    LateSchools(RollUpCounts counts, Campaigns campaigns, UnitScopes scopes) {
        this.counts = counts;
        this.campaigns = campaigns;
        this.scopes = scopes;
    }

    /** Empty for a caller who is no manager of the unit, as the roll-up answers 404 to them. */
    public java.util.Optional<Late> of(long campaignId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        long unit = caller.scope().kind() == Scope.Kind.UNIT && caller.scope().unitId() != null
                ? caller.scope().unitId()
                : campaign.organisingUnit().id();
        if (!StudentAccess.isManager(caller) || !scopes.covers(caller, unit)) {
            return java.util.Optional.empty();
        }
        LocalDate deadline =
                campaign.spec().phases().stream().findFirst().map(Phase::endsOn).orElse(null);
        long late = counts.notProposedCount(
                campaignId, campaign.areaUnitIds(), unit, campaign.spec().eligibleLevels());
        return java.util.Optional.of(new Late(
                late,
                deadline,
                deadline != null && LocalDate.now(Formats.VIETNAM).isAfter(deadline)));
    }
}
