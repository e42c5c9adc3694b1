package vn.cungem.inventory.places;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.security.TeamMembership;

/**
 * Who sees a place and moves items from or into it: managers and technicians of the unit it belongs to, a volunteer
 * team at its own workshop, a school's officer at the school and at the collection point it hosts. Everyone else gets
 * the same 404 as for a place that does not exist.
 */
@Component
class PlaceAccess {

    private final UnitScopes scopes;
    private final ObjectProvider<TeamMembership> teams;

    PlaceAccess(UnitScopes scopes, ObjectProvider<TeamMembership> teams) {
        this.scopes = scopes;
        this.teams = teams;
    }

    boolean mayUse(Caller caller, Place p) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.covers(caller, p.unitId())
                    || (p.teamId() != null
                            && team(caller).filter(p.teamId()::equals).isPresent());
        }
        Long school = schoolOf(caller);
        return school != null && (school.equals(p.schoolId()) || school.equals(p.pointSchoolId()));
    }

    /** The same rule as a SQL condition on {@code inventory_place} aliased {@code a}; ids inlined are the server's. */
    String filter(Caller caller, String a) {
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            String units = scopes.unitFilter(caller, a + ".unit_id");
            return team(caller)
                    .map(t -> "(" + units + " or " + a + ".volunteer_team_id = " + Long.valueOf(t) + ")")
                    .orElse(units);
        }
        Long school = schoolOf(caller);
        return school == null
                ? "1=0"
                : "(" + a + ".school_id = " + school + " or " + a + ".point_school_id = " + school + ")";
    }

    /** Whether the caller may add workshops and school places under this unit. */
    boolean mayManage(Caller caller, long unitId) {
        return caller.isAdmin() || (caller.is(Role.PROGRAMME_MANAGER) && scopes.covers(caller, unitId));
    }

    private Optional<Long> team(Caller caller) {
        TeamMembership membership = teams.getIfAvailable();
        return membership == null ? Optional.empty() : membership.teamOf(caller);
    }

    private static Long schoolOf(Caller caller) {
        return caller.is(Role.SCHOOL_OFFICER) && caller.scope().kind() == Scope.Kind.SCHOOL
                ? caller.scope().schoolId()
                : null;
    }
}
