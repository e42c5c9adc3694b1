package vn.cungem.inventory.connectivity;

import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.cungem.inventory.places.Place;
import vn.cungem.inventory.places.Places;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/**
 * Who sees a SIM, package or Wi-Fi device: managers and technicians of its unit, the staff of the place it stands at
 * (a school's officer at the school's collection point), and the operator's partner users for the ones their
 * organisation supplies. The rule is written once here, as a SQL condition too, and applies to every read.
 */
@Component
class ConnectionScope {

    private final UnitScopes scopes;
    private final Places places;

    ConnectionScope(UnitScopes scopes, Places places) {
        this.scopes = scopes;
        this.places = places;
    }

    /** The rule on {@code inventory_connection} aliased {@code c}; the ids inlined are the server's own. */
    String filter(Caller caller, String c) {
        if (caller.isAdmin()) {
            return "1=1";
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.unitFilter(caller, c + ".unit_id");
        }
        if (isOperator(caller)) {
            return c + ".partner_id = " + Long.valueOf(caller.scope().partnerId());
        }
        if (caller.is(Role.SCHOOL_OFFICER)) {
            String ids = places.visible(caller).stream()
                    .map(p -> Long.toString(p.id()))
                    .collect(Collectors.joining(","));
            return ids.isEmpty() ? "1=0" : c + ".place_id in (" + ids + ")";
        }
        return "1=0";
    }

    boolean sees(Caller caller, Connection c) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN)) {
            return scopes.covers(caller, c.unitId());
        }
        if (isOperator(caller)) {
            return caller.scope().partnerId().equals(c.partnerId());
        }
        return c.placeId() != null
                && places.find(c.placeId())
                        .filter(p -> places.mayUse(p, caller))
                        .isPresent();
    }

    /** Recording: managers of the unit, and whoever may use the place it is recorded at (collection staff). */
    boolean mayRecord(Caller caller, long unitId, Place place) {
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.is(Role.PROGRAMME_MANAGER) && scopes.covers(caller, unitId)) {
            return true;
        }
        return place != null && !isOperator(caller) && !caller.is(Role.DONOR) && places.mayUse(place, caller);
    }

    /** Status: managers of its unit, and the operator that supplies it. */
    boolean mayChangeStatus(Caller caller, Connection c) {
        return caller.isAdmin()
                || (caller.is(Role.PROGRAMME_MANAGER) && scopes.covers(caller, c.unitId()))
                || (isOperator(caller) && caller.scope().partnerId().equals(c.partnerId()));
    }

    /** Pairing is workshop work: managers and technicians of its unit. */
    boolean mayPair(Caller caller, Connection c) {
        return caller.isAdmin()
                || ((caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.VOLUNTEER_TECHNICIAN))
                        && scopes.covers(caller, c.unitId()));
    }

    static boolean isOperator(Caller caller) {
        return caller.is(Role.PARTNER_USER)
                && caller.scope().kind() == Scope.Kind.PARTNER
                && caller.scope().partnerId() != null;
    }
}
