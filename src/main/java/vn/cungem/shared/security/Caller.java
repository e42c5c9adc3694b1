package vn.cungem.shared.security;

/** Who is making the request, as every module needs to know it: for scope filtering and for the audit trail. */
public record Caller(Long accountId, String displayName, Role role, Scope scope) {

    public static final Caller ANONYMOUS = new Caller(null, "Khách", null, Scope.NONE);
    public static final Caller SYSTEM = new Caller(null, "Hệ thống", Role.SYSTEM_ADMIN, Scope.EVERYTHING);

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
