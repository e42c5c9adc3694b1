package vn.cungem.organisation;

import org.springframework.security.access.AccessDeniedException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/**
 * Who may see and change organisation data: admins everything; a programme manager the subtree of their unit, and
 * changes strictly below it; a school officer their school and its unit, read-only; everyone else nothing.
 */
@org.springframework.stereotype.Component
class Access {

    private final UnitScopes scopes;

    Access(UnitScopes scopes) {
        this.scopes = scopes;
    }

    boolean canManage(Caller caller) {
        return caller.is(Role.SYSTEM_ADMIN) || caller.is(Role.PROGRAMME_MANAGER);
    }

    boolean canSeeUnit(Caller caller, long unitId) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER)) {
            return scopes.covers(caller, unitId);
        }
        if (caller.is(Role.SCHOOL_OFFICER) && caller.scope().kind() == Scope.Kind.SCHOOL) {
            return Long.valueOf(unitId).equals(caller.scope().unitId());
        }
        return false;
    }

    void requireSeeUnit(Caller caller, long unitId) {
        if (!canSeeUnit(caller, unitId)) {
            throw new NotFoundException("unit", unitId);
        }
    }

    /** Records that belong to a unit (schools, partners, children): in scope, by a manager or admin. */
    void requireChangeIn(Caller caller, long unitId, String what, Object id) {
        if (!canManage(caller)) {
            if (canSeeUnit(caller, unitId)) {
                throw new AccessDeniedException("read-only");
            }
            throw new NotFoundException(what, id);
        }
        scopes.requireCovers(caller, unitId, what, id);
    }

    /** A unit itself may be changed by a manager only when it lies strictly below their own unit. */
    void requireChangeUnit(Caller caller, long unitId) {
        requireChangeIn(caller, unitId, "unit", unitId);
        if (!caller.isAdmin() && Long.valueOf(unitId).equals(caller.scope().unitId())) {
            throw new AccessDeniedException("own unit");
        }
    }

    /** SQL condition restricting a unit-id column to what the caller may see. */
    String visibleUnits(Caller caller, String column) {
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER)) {
            return scopes.unitFilter(caller, column);
        }
        if (caller.is(Role.SCHOOL_OFFICER) && caller.scope().unitId() != null) {
            return column + " = " + Long.valueOf(caller.scope().unitId());
        }
        return "1=0";
    }
}
