package vn.cungem.shared.security;

import vn.cungem.shared.text.Bundles;

/** Who is making the request, as every module needs to know it: for scope filtering and for the audit trail. */
public record Caller(Long accountId, String displayName, Role role, Scope scope) {

    // The names stand for these callers in what is stored (the audit log's actor), so in the deployment's language.
    public static final Caller ANONYMOUS = new Caller(null, Bundles.vi("caller.anonymous"), null, Scope.NONE);
    public static final Caller SYSTEM =
            new Caller(null, Bundles.vi("caller.system"), Role.SYSTEM_ADMIN, Scope.EVERYTHING);

    public boolean is(Role candidate) {
        return role == candidate;
    }

    public boolean isAdmin() {
        return role == Role.SYSTEM_ADMIN;
    }

    public boolean isAnonymous() {
        return accountId == null && role == null;
    }
}
