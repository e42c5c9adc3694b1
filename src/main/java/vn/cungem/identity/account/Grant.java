package vn.cungem.identity.account;

import vn.cungem.shared.security.Role;

/** A role and the one unit, school, volunteer team or partner organisation it applies to. */
public record Grant(Role role, Long unitId, Long schoolId, Long partnerId, Long teamId) {}
