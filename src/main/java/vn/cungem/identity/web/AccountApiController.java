package vn.cungem.identity.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.identity.account.AccountChanges;
import vn.cungem.identity.account.AccountPage;
import vn.cungem.identity.account.AccountQueries;
import vn.cungem.identity.account.AccountRow;
import vn.cungem.identity.account.IdentityText;
import vn.cungem.identity.account.Invitations;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;

/** The caller and, for managers and administrators, the accounts in their scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts / Tài khoản")
@SecurityScheme(
        name = "personal-access-token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "Mã truy cập cá nhân (Tài khoản của tôi) / personal access token from My account: ce_…")
@SecurityRequirement(name = "personal-access-token")
class AccountApiController {

    record Me(Long id, String name, Role role, Scope scope) {}

    /** An account with its grant flat beside its other fields. */
    record AccountJson(
            @JsonUnwrapped @JsonIgnoreProperties({"grant", "homeUnitId"})
            AccountRow account,

            @JsonUnwrapped GrantBody grant) {

        static AccountJson of(AccountRow row) {
            return new AccountJson(row, GrantBody.of(row.grant()));
        }
    }

    record AccountList(List<AccountJson> items, long total, int page, int size) {}

    record InvitationRequest(
            String email, String fullName, @JsonUnwrapped GrantBody grant) {}

    record ChangeRequest(String reason) {}

    record GrantChangeRequest(@JsonUnwrapped GrantBody grant, String reason) {}

    private final AccountQueries accounts;
    private final Invitations invitations;
    private final AccountChanges changes;
    private final IdentityText text;

    AccountApiController(AccountQueries accounts, Invitations invitations, AccountChanges changes, IdentityText text) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.changes = changes;
        this.text = text;
    }

    @GetMapping("/me")
    @Operation(summary = "Who is calling: id, name, role and scope")
    Me me() {
        Caller caller = Callers.current();
        return new Me(caller.accountId(), caller.displayName(), caller.role(), caller.scope());
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
    @Operation(summary = "Accounts in the caller's scope; q searches name (without diacritics) and email")
    AccountList list(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "50") int size) {
        AccountPage result = accounts.list(Callers.current(), query, page, size);
        return new AccountList(
                result.rows().stream().map(AccountJson::of).toList(), result.total(), result.page(), result.size());
    }

    @GetMapping("/accounts/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
    AccountJson get(@PathVariable long id) {
        return AccountJson.of(accounts.get(Callers.current(), id));
    }

    @PostMapping("/accounts/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
    @Operation(summary = "Invite an email with a role and a scope inside the caller's scope; emails a 7-day link")
    AccountJson invite(@RequestBody InvitationRequest body) {
        Caller caller = Callers.current();
        long id = invitations.invite(
                caller, body.email(), body.fullName(), body.grant().toGrant());
        return AccountJson.of(accounts.get(caller, id));
    }

    @PostMapping("/accounts/{id}/disable")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
    AccountJson disable(@PathVariable long id, @RequestBody(required = false) ChangeRequest body) {
        return setEnabled(id, false, body);
    }

    @PostMapping("/accounts/{id}/enable")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
    AccountJson enable(@PathVariable long id, @RequestBody(required = false) ChangeRequest body) {
        return setEnabled(id, true, body);
    }

    @PostMapping("/accounts/{id}/grant")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
    @Operation(summary = "Change the account's role and scope (a reason is required)")
    AccountJson changeGrant(@PathVariable long id, @RequestBody GrantChangeRequest body) {
        if (body.grant().role() == null) {
            throw text.invalid("role-required");
        }
        Caller caller = Callers.current();
        changes.changeGrant(caller, id, body.grant().toGrant(), body.reason());
        return AccountJson.of(accounts.get(caller, id));
    }

    private AccountJson setEnabled(long id, boolean enabled, ChangeRequest body) {
        Caller caller = Callers.current();
        changes.setEnabled(caller, id, enabled, body == null ? null : body.reason());
        return AccountJson.of(accounts.get(caller, id));
    }
}
