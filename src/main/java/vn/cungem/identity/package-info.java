/**
 * Identity: accounts, their one role and scope, sign-in (password, lock-out, throttling), invitations and password
 * resets by emailed link, and personal access tokens for partners' use of the API. Depends on organisation for units,
 * schools and partners.
 *
 * <p>One role per account: a person who is both a school officer and a volunteer holds two accounts (two emails), so
 * every account has exactly one scope and every check reads one row. Other modules use {@link
 * vn.cungem.identity.Accounts} (creating named accounts and volunteer teams, e.g. for demo data) and, for who is
 * calling, {@code vn.cungem.shared.security.Callers}; the rest of this module is internal.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity (tài khoản)",
        allowedDependencies = {"organisation", "shared"})
package vn.cungem.identity;
