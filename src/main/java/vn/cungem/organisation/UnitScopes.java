package vn.cungem.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;

/**
 * The one place that decides whether a unit lies inside a caller's scope. Other modules filter their queries with
 * {@link #unitFilter(Caller, String)} so that scope is applied in SQL, not after loading rows.
 */
@Service
public class UnitScopes {

    private final JdbcClient jdbc;

    UnitScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the caller may see and change records that belong to this unit. */
    public boolean covers(Caller caller, Long unitId) {
        if (unitId == null) {
            return caller.scope().isEverything();
        }
        Scope scope = caller.scope();
        return switch (scope.kind()) {
            case EVERYTHING -> true;
            case UNIT -> isWithin(unitId, scope.unitId());
            case SCHOOL, PARTNER, NONE -> false;
        };
    }

    /** Whether the caller may see this unit at all: their subtree, or the unit their school or partner sits in. */
    public boolean canSee(Caller caller, Long unitId) {
        Scope scope = caller.scope();
        return switch (scope.kind()) {
            case EVERYTHING -> true;
            case UNIT -> isWithin(unitId, scope.unitId());
            case SCHOOL, PARTNER -> unitId != null && unitId.equals(scope.unitId());
            case NONE -> false;
        };
    }

    /** Throws the same 404 as a missing record when the unit is out of scope, so guessing ids reveals nothing. */
    public void requireCovers(Caller caller, Long unitId, String what, Object id) {
        if (!covers(caller, unitId)) {
            throw new NotFoundException(what, id);
        }
    }

    public boolean isWithin(Long unitId, Long ancestorId) {
        if (unitId == null || ancestorId == null) {
            return false;
        }
        return jdbc.sql("select count(*) from unit_closure where ancestor_id = ? and descendant_id = ?")
                        .params(ancestorId, unitId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * A SQL condition on {@code column} (a unit id) that keeps only rows in the caller's scope: {@code "1=1"} for the
     * whole system, a sub-select on the closure table for a unit, {@code "1=0"} for callers without a unit scope. The
     * scope unit id is a number the server set, never user input, so it is inlined.
     */
    public String unitFilter(Caller caller, String column) {
        Scope scope = caller.scope();
        return switch (scope.kind()) {
            case EVERYTHING -> "1=1";
            case UNIT ->
                column + " in (select descendant_id from unit_closure where ancestor_id = "
                        + Long.valueOf(scope.unitId()) + ")";
            default -> "1=0";
        };
    }

    /**
     * A SQL condition on {@code column} (a unit id) that keeps the rows in {@code ancestorId}'s subtree, the unit
     * included. The organisation module's own SQL, so other modules filter by the unit tree without naming its tables;
     * the id is a number, inlined.
     */
    public String within(String column, long ancestorId) {
        return column + " in (select descendant_id from unit_closure where ancestor_id = " + ancestorId + ")";
    }
}
