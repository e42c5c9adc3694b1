package vn.cungem.identity.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * Turns a requested role and scope into one the caller may give ({@link InvitePolicy}), and finds the unit a grant sits
 * in. Units, schools and partners are read through organisation's published views.
 */
@Component
class Grants {

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final IdentityText text;

    Grants(JdbcClient jdbc, UnitScopes scopes, IdentityText text) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.text = text;
    }

    /** The grant as it will be stored; refuses what the caller may not give, and answers 404 outside their scope. */
    Grant authorise(Caller caller, Grant grant) {
        if (grant == null || grant.role() == null) {
            throw text.invalid("role-required");
        }
        Grant resolved = normalise(grant);
        Long unit = homeUnitOf(resolved);
        InvitePolicy.Decision decision =
                InvitePolicy.decide(caller, resolved.role(), unit, candidate -> scopes.covers(caller, candidate));
        return switch (decision) {
            case ALLOWED -> resolved;
            case OUT_OF_SCOPE -> throw new NotFoundException("scope", unit);
            case SCOPE_MISSING ->
                throw text.invalid(
                        "scope-required",
                        IdentityText.roleInSentence(resolved.role()),
                        IdentityText.scopeWord(resolved.role()));
            case ROLE_NOT_ALLOWED -> throw new AccessDeniedException("may not grant " + resolved.role());
        };
    }

    /** Keeps only the id the role uses; a technician's unit is their team's. */
    private Grant normalise(Grant grant) {
        return switch (grant.role()) {
            case SYSTEM_ADMIN, DONOR -> new Grant(grant.role(), null, null, null, null);
            case PROGRAMME_MANAGER -> new Grant(grant.role(), grant.unitId(), null, null, null);
            case SCHOOL_OFFICER -> new Grant(grant.role(), null, grant.schoolId(), null, null);
            case PARTNER_USER -> new Grant(grant.role(), null, null, grant.partnerId(), null);
            case VOLUNTEER_TECHNICIAN ->
                new Grant(
                        grant.role(),
                        grant.teamId() == null
                                ? null
                                : lookup("select unit_id from volunteer_team where id = ?", grant.teamId()),
                        null,
                        null,
                        grant.teamId());
        };
    }

    /** The unit a grant sits in, or null when the role has none; an id that does not exist answers 404. */
    Long homeUnitOf(Grant grant) {
        return switch (grant.role()) {
            case SYSTEM_ADMIN, DONOR -> null;
            case PROGRAMME_MANAGER ->
                grant.unitId() == null
                        ? null
                        : lookup("select id from org_unit where id = ? and retired_on is null", grant.unitId());
            case SCHOOL_OFFICER ->
                grant.schoolId() == null
                        ? null
                        : lookup("select unit_id from org_school where id = ?", grant.schoolId());
            case PARTNER_USER ->
                grant.partnerId() == null
                        ? null
                        : lookup("select home_unit_id from org_partner where id = ?", grant.partnerId());
            case VOLUNTEER_TECHNICIAN -> grant.unitId();
        };
    }

    private Long lookup(String sql, long id) {
        return jdbc.sql(sql)
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("scope", id));
    }
}
