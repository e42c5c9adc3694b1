package vn.cungem.student;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.campaign.Phase;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.Formats;
import vn.cungem.student.internal.RollUpCounts;
import vn.cungem.student.internal.SchoolsAndUnits;

/** How far each unit has got with its lists: counts only, never a child's name. */
final class RollUps {

    /** How many schools that proposed nobody a roll-up names; the count says how many there are in all. */
    private static final int MISSING_SHOWN = 200;

    private final RollUpCounts counts;
    private final SchoolsAndUnits organisation;
    private final Campaigns campaigns;
    private final UnitScopes scopes;

    RollUps(RollUpCounts counts, SchoolsAndUnits organisation, Campaigns campaigns, UnitScopes scopes) {
        this.counts = counts;
        this.organisation = organisation;
        this.campaigns = campaigns;
        this.scopes = scopes;
    }

    /** See {@link Students#rollUp}. */
    RollUp rollUp(long campaignId, Long unitId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        long unit = unitId != null
                ? unitId
                : caller.scope().kind() == Scope.Kind.UNIT
                        ? caller.scope().unitId()
                        : campaign.organisingUnit().id();
        if (!StudentAccess.isManager(caller) || !scopes.covers(caller, unit)) {
            throw new NotFoundException("unit", unit);
        }
        LocalDate deadline =
                campaign.spec().phases().stream().findFirst().map(Phase::endsOn).orElse(null);
        LocalDate today = LocalDate.now(Formats.VIETNAM);
        var levels = campaign.spec().eligibleLevels();
        var area = campaign.areaUnitIds();
        long notProposed = counts.notProposedCount(campaignId, area, unit, levels);
        return new RollUp(
                unit,
                organisation.unitName(unit),
                deadline,
                deadline != null && today.isAfter(deadline),
                counts.perChildUnit(campaignId, unit),
                counts.perSchool(campaignId, unit),
                // once every school has proposed (late in a campaign) the list is not looked for: at national level
                // each of these two reads goes through all 40,000 schools
                notProposed == 0 ? List.of() : counts.notProposed(campaignId, area, unit, levels, MISSING_SHOWN),
                notProposed);
    }
}
