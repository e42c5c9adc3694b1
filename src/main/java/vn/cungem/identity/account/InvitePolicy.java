package vn.cungem.identity.account;

import java.util.function.LongPredicate;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;

/**
 * Who may give an account which role and scope, by invitation or by a later change. A manager of unit U may grant
 * anything under U's subtree (managers of the subtree, officers of its schools, technicians of its teams, users of
 * partners homed in it); only administrators grant administration; donors sign themselves up.
 */
public final class InvitePolicy {

    public enum Decision {
        ALLOWED,
        /** The caller's role may not grant accounts at all, or not this role. */
        ROLE_NOT_ALLOWED,
        /** The target unit lies outside the caller's scope: answered like a missing record. */
        OUT_OF_SCOPE,
        /** The role needs a unit, school, team or partner and none was given. */
        SCOPE_MISSING
    }

    private InvitePolicy() {}

    /**
     * @param targetUnitId the unit the new scope sits in (the manager's unit, the school's, team's or partner's home
     *     unit); null when none was given
     * @param covers whether a unit lies in the inviter's scope
     */
    public static Decision decide(Caller inviter, Role role, Long targetUnitId, LongPredicate covers) {
        if (inviter.role() != Role.SYSTEM_ADMIN && inviter.role() != Role.PROGRAMME_MANAGER) {
            return Decision.ROLE_NOT_ALLOWED;
        }
        if (role == Role.DONOR) {
            return Decision.ROLE_NOT_ALLOWED;
        }
        if (role == Role.SYSTEM_ADMIN) {
            return inviter.isAdmin() ? Decision.ALLOWED : Decision.ROLE_NOT_ALLOWED;
        }
        if (targetUnitId == null) {
            return Decision.SCOPE_MISSING;
        }
        if (inviter.isAdmin()) {
            return Decision.ALLOWED;
        }
        return covers.test(targetUnitId) ? Decision.ALLOWED : Decision.OUT_OF_SCOPE;
    }
}
