package vn.cungem.identity.web;

import vn.cungem.identity.account.Grant;
import vn.cungem.shared.security.Role;

/**
 * A role and the one unit, school, partner or volunteer team it applies to, as the API reads and writes them: flat
 * beside an account's or a request's other fields ({@code @JsonUnwrapped}).
 */
record GrantBody(Role role, Long unitId, Long schoolId, Long partnerId, Long volunteerTeamId) {

    static GrantBody of(Grant grant) {
        return new GrantBody(grant.role(), grant.unitId(), grant.schoolId(), grant.partnerId(), grant.teamId());
    }

    /** Null without a role: the service then answers that a role is needed. */
    Grant toGrant() {
        return role == null ? null : new Grant(role, unitId, schoolId, partnerId, volunteerTeamId);
    }
}
