/**
 * Identity: accounts, their one role and scope, sign-in (password, lock-out, throttling), invitations and password
 * resets by emailed link, and personal access tokens for partners' use of the API. Depends on organisation for units,
 * schools and partners.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity (tài khoản)",
        allowedDependencies = {"organisation", "shared"})
package vn.cungem.identity;
