package vn.cungem.identity.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.CallerSource;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/** The signed-in account as Spring Security and every module see it. Serializable: it lives in the JDBC session. */
public record AccountDetails(
        long id,
        String email,
        String fullName,
        String passwordHash,
        Role role,
        Scope scope,
        boolean enabled,
        boolean locked)
        implements UserDetails, CallerSource, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Caller caller() {
        return new Caller(id, fullName, role, scope);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash == null ? "" : passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled && passwordHash != null;
    }

    /** Keeps the hash out of the session once signed in. */
    public AccountDetails withoutPassword() {
        return new AccountDetails(id, email, fullName, null, role, scope, enabled, locked);
    }
}
