package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import vn.cungem.shared.security.Role;

/**
 * An account as lists and detail pages show it. {@code homeUnitId} is the unit that decides who may manage it;
 * {@code scopeName} names the unit, school, team or partner the role applies to.
 */
public record AccountRow(
        long id,
        String email,
        String fullName,
        Grant grant,
        Long homeUnitId,
        String scopeName,
        boolean enabled,
        boolean invitationPending,
        boolean locked,
        OffsetDateTime lastSignInAt,
        OffsetDateTime createdAt) {

    public Role role() {
        return grant.role();
    }
}
