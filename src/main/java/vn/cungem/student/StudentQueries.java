package vn.cungem.student;

import java.util.List;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.internal.StatusHistory;
import vn.cungem.student.internal.StudentListing;

/** Finding students: one student's page, its history and likely duplicates, and a campaign's list. */
final class StudentQueries {

    private final StudentListing listing;
    private final StatusHistory history;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final StudentAccess access;
    private final DuplicateChecks duplicates;
    private final StudentViews views;

    StudentQueries(
            StudentListing listing,
            StatusHistory history,
            Campaigns campaigns,
            UnitScopes scopes,
            StudentAccess access,
            DuplicateChecks duplicates,
            StudentViews views) {
        this.listing = listing;
        this.history = history;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.access = access;
        this.duplicates = duplicates;
        this.views = views;
    }

    StudentView get(long id, Caller caller) {
        return views.of(access.covered(id, caller), caller, true);
    }

    List<StatusChange> history(long id, Caller caller) {
        access.covered(id, caller);
        return history.of(id);
    }

    List<DuplicateCandidate> likelyDuplicates(long id, Caller caller) {
        return duplicates.inScope(duplicates.likely(access.covered(id, caller)), caller);
    }

    boolean likelyDuplicateElsewhere(long id, Caller caller) {
        return duplicates.anyElsewhere(duplicates.likely(access.covered(id, caller)), caller);
    }

    List<EligibleStudent> eligibleForAllocation(long campaignId) {
        return listing.approved(campaignId);
    }
}
