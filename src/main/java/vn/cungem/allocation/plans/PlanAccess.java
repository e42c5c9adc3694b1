package vn.cungem.allocation.plans;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/**
 * Who may do what with plans. Only programme managers (and administrators) plan; a plan covers the manager's unit
 * (its scope unit) and is changed or approved only by a manager covering that unit. A manager of a smaller unit may
 * read a larger plan, its lines filtered to their units; nobody else learns that a plan exists (404).
 */
@Component
public class PlanAccess {

    static final String ENTITY = "allocation_plan";

    /** The plan row as the service needs it. */
    public record PlanRow(
            long id, long campaignId, Long scopeUnitId, PlanKind kind, PlanStatus status, String approvalKey) {}

    private final JdbcClient jdbc;
    private final UnitScopes scopes;

    PlanAccess(JdbcClient jdbc, UnitScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    public void requirePlanner(Caller caller) {
        if (!(caller.is(Role.PROGRAMME_MANAGER) || caller.isAdmin())
                || !(caller.scope().isEverything() || caller.scope().kind() == Scope.Kind.UNIT)) {
            throw new NotFoundException(ENTITY, "-");
        }
    }

    /** The unit a new plan of this caller covers: theirs, or none (everything) for a national administrator. */
    public Long scopeUnit(Caller caller) {
        return caller.scope().isEverything() ? null : caller.scope().unitId();
    }

    public PlanRow readable(long campaignId, long planId, Caller caller) {
        requirePlanner(caller);
        PlanRow row = find(planId)
                .filter(p -> p.campaignId() == campaignId)
                .orElseThrow(() -> new NotFoundException(ENTITY, planId));
        boolean inside = scopes.covers(caller, row.scopeUnitId())
                || (row.scopeUnitId() == null || scopes.isWithin(caller.scope().unitId(), row.scopeUnitId()));
        if (!inside) {
            throw new NotFoundException(ENTITY, planId);
        }
        return row;
    }

    public PlanRow changeable(long campaignId, long planId, Caller caller) {
        PlanRow row = readable(campaignId, planId, caller);
        if (!scopes.covers(caller, row.scopeUnitId())) {
            throw InvalidValueException.of("allocation.plan.not-yours", "allocation.error.not-yours");
        }
        return row;
    }

    public Optional<PlanRow> find(long planId) {
        return jdbc.sql("select id, campaign_id, scope_unit_id, kind, status, approval_key from allocation_plan"
                        + " where id = ?")
                .param(planId)
                .query((rs, n) -> new PlanRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, Long.class),
                        PlanKind.valueOf(rs.getString(4)),
                        PlanStatus.valueOf(rs.getString(5)),
                        rs.getString(6)))
                .optional();
    }

    /** The SQL condition keeping a plan's lines in the caller's units. */
    public String lineFilter(Caller caller, String column) {
        return scopes.unitFilter(caller, column);
    }
}
