package vn.cungem.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.VietnameseText;
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

    /** See {@link Students#list}. */
    StudentPage list(StudentFilter filter, Caller caller) {
        campaigns.get(filter.campaignId(), caller);
        boolean maskedReader = caller.is(Role.PARTNER_USER);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("s.campaign_id = ?");
        params.add(filter.campaignId());
        where.append(" and ").append(access.listCondition(caller));
        if (filter.unitId() != null) {
            where.append(" and ").append(scopes.within("s.unit_id", filter.unitId()));
        }
        if (filter.schoolId() != null) {
            where.append(" and s.school_id = ?");
            params.add(filter.schoolId());
        }
        if (filter.grade() != null) {
            where.append(" and s.grade = ?");
            params.add(filter.grade());
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            // codes are [A-Z0-9_], so the comma-delimited column can be matched without false hits
            where.append(" and (',' || s.categories || ',') like ?");
            params.add("%," + filter.category().strip().toUpperCase(Locale.ROOT) + ",%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            if (maskedReader) {
                // a masked reader must not find a child by the name they cannot see
                where.append(" and 1=0");
            } else {
                where.append(" and (s.name_folded like ? escape '\\' or s.moet_code = ?)");
                params.add(VietnameseText.likeContains(VietnameseText.fold(filter.text())));
                params.add(filter.text().strip().toUpperCase(Locale.ROOT));
            }
        }
        Map<StudentStatus, Long> counts = listing.countByStatus(where.toString(), params);
        if (filter.status() != null) {
            where.append(" and s.status = ?");
            params.add(filter.status().name());
        } else {
            // merged duplicates are history, not students: shown only when asked for
            where.append(" and s.status <> 'MERGED'");
        }
        List<StudentRow> rows =
                listing.page(where.toString(), params, filter.size() + 1, (long) filter.page() * filter.size());
        boolean hasNext = rows.size() > filter.size();
        List<StudentRow> page = (hasNext ? rows.subList(0, filter.size()) : rows)
                .stream().map(r -> maskedReader ? r.maskedCopy() : r).toList();
        return new StudentPage(page, filter.page(), filter.size(), hasNext, counts);
    }

    List<EligibleStudent> eligibleForAllocation(long campaignId) {
        return listing.approved(campaignId);
    }
}
