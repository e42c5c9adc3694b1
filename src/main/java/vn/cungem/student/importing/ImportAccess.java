package vn.cungem.student.importing;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.student.SchoolRef;

/** Who may import into a campaign, which schools they may import students of, and whose imports they may see. */
@Component
class ImportAccess {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final ImportJobStore store;

    ImportAccess(JdbcClient jdbc, Campaigns campaigns, UnitScopes scopes, ImportJobStore store) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.store = store;
    }

    /** Who may import into a campaign: its school officers (for their school) and managers who see it. */
    Campaign requireImporter(long campaignId, Caller caller) {
        Campaign campaign = campaigns.get(campaignId, caller);
        boolean role = caller.is(Role.SCHOOL_OFFICER) && caller.scope().kind() == Scope.Kind.SCHOOL
                || caller.is(Role.PROGRAMME_MANAGER)
                || caller.isAdmin();
        if (!role) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        return campaign;
    }

    /**
     * The schools this caller may import students of in this campaign: in the organiser's subtree and their scope.
     * Organisation's published views (V106), not its tables.
     */
    List<SchoolRef> schools(Campaign campaign, Caller caller) {
        Scope scope = caller.scope();
        String filter = scope.kind() == Scope.Kind.SCHOOL
                ? "s.id = " + Long.valueOf(scope.schoolId())
                : scopes.unitFilter(caller, "s.unit_id");
        return jdbc.sql("select s.id, s.unit_id, s.moet_code, s.name, s.school_level from org_school s"
                        + " where s.retired_on is null and s.unit_id in (select descendant_id from org_unit_tree"
                        + " where ancestor_id = ?) and " + filter + " order by s.moet_code")
                .param(campaign.organisingUnit().id())
                .query((rs, n) -> new SchoolRef(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), level(rs.getString(5))))
                .list();
    }

    private static SchoolLevel level(String code) {
        try {
            return code == null ? null : SchoolLevel.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The import, when this caller may see it; else the 404 of a missing import. */
    ImportJob get(long importId, Caller caller) {
        ImportJob job = store.load(importId).orElseThrow(() -> new NotFoundException(StudentImports.ENTITY, importId));
        requireSees(job, caller);
        return job;
    }

    /** The import of this campaign, when this caller may see it and import into the campaign. */
    ImportJob require(long campaignId, long importId, Caller caller) {
        ImportJob job = get(importId, caller);
        if (job.campaignId() != campaignId) {
            throw new NotFoundException(StudentImports.ENTITY, importId);
        }
        requireImporter(campaignId, caller);
        return job;
    }

    /**
     * The uploader sees their import; so do managers whose scope covers the uploader's (a district manager follows
     * its schools' imports) and administrators. Everyone else gets the 404 of a missing import.
     */
    private void requireSees(ImportJob job, Caller caller) {
        Map<String, Object> owner = jdbc.sql("select uploaded_by_account_id, scope_kind, scope_unit_id,"
                        + " scope_school_id from student_import where id = ?")
                .param(job.id())
                .query()
                .singleRow();
        Object account = owner.get("uploaded_by_account_id");
        boolean mine =
                account != null && caller.accountId() != null && ((Number) account).longValue() == caller.accountId();
        boolean above = caller.isAdmin()
                || (caller.is(Role.PROGRAMME_MANAGER)
                        && owner.get("scope_unit_id") != null
                        && scopes.covers(caller, ((Number) owner.get("scope_unit_id")).longValue()));
        if (!mine && !above) {
            throw new NotFoundException(StudentImports.ENTITY, job.id());
        }
    }
}
