package vn.cungem.shared.security;

/** The roles of the product brief. A person with two roles holds two accounts, so each account has one scope. */
public enum Role {
    SYSTEM_ADMIN,
    PROGRAMME_MANAGER,
    SCHOOL_OFFICER,
    VOLUNTEER_TECHNICIAN,
    PARTNER_USER,
    DONOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
