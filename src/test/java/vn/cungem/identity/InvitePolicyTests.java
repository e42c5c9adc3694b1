package vn.cungem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.cungem.identity.account.InvitePolicy;
import vn.cungem.identity.account.InvitePolicy.Decision;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

class InvitePolicyTests {

    // District 10 contains communes 11 and 12; district 20 is elsewhere.
    private static final Set<Long> DISTRICT_10_SUBTREE = Set.of(10L, 11L, 12L);
    private static final LongPredicate WITHIN_10 = DISTRICT_10_SUBTREE::contains;
    private static final Caller MANAGER_10 = new Caller(1L, "QL", Role.PROGRAMME_MANAGER, Scope.unit(10));
    private static final Caller ADMIN = new Caller(2L, "QT", Role.SYSTEM_ADMIN, Scope.EVERYTHING);

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PROGRAMME_MANAGER", "SCHOOL_OFFICER", "VOLUNTEER_TECHNICIAN", "PARTNER_USER"})
    void managerGrantsScopedRolesInsideTheirSubtree(Role role) {
        for (long unit : DISTRICT_10_SUBTREE) {
            assertThat(InvitePolicy.decide(MANAGER_10, role, unit, WITHIN_10)).isEqualTo(Decision.ALLOWED);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PROGRAMME_MANAGER", "SCHOOL_OFFICER", "VOLUNTEER_TECHNICIAN", "PARTNER_USER"})
    void managerCannotGrantOutsideTheirSubtree(Role role) {
        assertThat(InvitePolicy.decide(MANAGER_10, role, 20L, WITHIN_10)).isEqualTo(Decision.OUT_OF_SCOPE);
    }

    @Test
    void onlyAdministratorsGrantAdministration() {
        assertThat(InvitePolicy.decide(MANAGER_10, Role.SYSTEM_ADMIN, null, WITHIN_10))
                .isEqualTo(Decision.ROLE_NOT_ALLOWED);
        assertThat(InvitePolicy.decide(ADMIN, Role.SYSTEM_ADMIN, null, u -> false))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void administratorsGrantAnywhere() {
        assertThat(InvitePolicy.decide(ADMIN, Role.SCHOOL_OFFICER, 20L, u -> false))
                .isEqualTo(Decision.ALLOWED);
    }

    @Test
    void nobodyInvitesDonorsWhoSignThemselvesUp() {
        assertThat(InvitePolicy.decide(ADMIN, Role.DONOR, null, u -> true)).isEqualTo(Decision.ROLE_NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"SCHOOL_OFFICER", "VOLUNTEER_TECHNICIAN", "PARTNER_USER", "DONOR"})
    void otherRolesCannotInviteAnyone(Role inviterRole) {
        Caller inviter = new Caller(3L, "X", inviterRole, Scope.unit(10));
        for (Role target : Role.values()) {
            assertThat(InvitePolicy.decide(inviter, target, 11L, WITHIN_10)).isEqualTo(Decision.ROLE_NOT_ALLOWED);
        }
    }

    @Test
    void scopedRolesNeedATarget() {
        assertThat(InvitePolicy.decide(MANAGER_10, Role.SCHOOL_OFFICER, null, WITHIN_10))
                .isEqualTo(Decision.SCOPE_MISSING);
    }
}
