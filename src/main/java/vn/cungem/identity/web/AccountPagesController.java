package vn.cungem.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.identity.account.AccountChanges;
import vn.cungem.identity.account.AccountQueries;
import vn.cungem.identity.account.AccountRow;
import vn.cungem.identity.account.Grant;
import vn.cungem.identity.account.Invitations;
import vn.cungem.identity.account.ScopeChoices;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;
import vn.cungem.shared.security.Role;

/** Managers' and administrators' account pages: list, invite, details, disable/enable, change role and scope. */
@Controller
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'PROGRAMME_MANAGER')")
class AccountPagesController {

    /** What the invitation and re-scope forms send; units and schools by official code. */
    record GrantForm(
            String email,
            String fullName,
            Role role,
            String unitCode,
            String schoolCode,
            Long partnerId,
            Long teamId,
            String reason) {

        static GrantForm empty() {
            return new GrantForm(null, null, null, null, null, null, null, null);
        }
    }

    private final AccountQueries accounts;
    private final Invitations invitations;
    private final AccountChanges changes;
    private final ScopeChoices choices;
    private final MessageSource messages;

    AccountPagesController(
            AccountQueries accounts,
            Invitations invitations,
            AccountChanges changes,
            ScopeChoices choices,
            MessageSource messages) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.changes = changes;
        this.choices = choices;
        this.messages = messages;
    }

    @GetMapping("/accounts")
    String list(
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("result", accounts.list(Callers.current(), query, page, 25));
        return "identity/accounts";
    }

    @GetMapping("/accounts/invite")
    String inviteForm(Model model) {
        return showGrantForm(model, GrantForm.empty());
    }

    @PostMapping("/accounts/invite")
    String invite(
            @ModelAttribute("form") GrantForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            unreadable(model, response);
            return showGrantForm(model, GrantForm.empty());
        }
        Optional<Long> id = attempt(
                () -> invitations.invite(Callers.current(), form.email(), form.fullName(), grant(form)),
                model,
                response);
        return id.map(invited -> showAccount(invited, "accounts.invited", redirect))
                .orElseGet(() -> showGrantForm(model, form));
    }

    @GetMapping("/accounts/{id}")
    String details(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(Callers.current(), id));
        return showDetails(model, GrantForm.empty());
    }

    @PostMapping("/accounts/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam("enabled") boolean enabled,
            @RequestParam(name = "reason", required = false) String reason,
            RedirectAttributes redirect) {
        changes.setEnabled(Callers.current(), id, enabled, reason);
        return showAccount(id, enabled ? "accounts.enabledDone" : "accounts.disabledDone", redirect);
    }

    @PostMapping("/accounts/{id}/grant")
    String changeGrant(
            @PathVariable long id,
            @ModelAttribute("form") GrantForm form,
            BindingResult binding,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        AccountRow account = accounts.get(caller, id);
        model.addAttribute("account", account);
        if (binding.hasErrors()) {
            unreadable(model, response);
            return showDetails(model, GrantForm.empty());
        }
        Optional<Long> changed = attempt(
                () -> {
                    changes.changeGrant(caller, id, grant(form), form.reason());
                    return id;
                },
                model,
                response);
        return changed.map(done -> showAccount(done, "accounts.grantChanged", redirect))
                .orElseGet(() -> showDetails(model, form));
    }

    /** After a change, the account's page with a line saying what was done. */
    private static String showAccount(long id, String flashKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashKey", flashKey);
        return "redirect:/accounts/" + id;
    }

    /**
     * Runs a change a form asked for. When it is refused, the status and the error to show are set and the result is
     * empty; a scope that is missing or outside the caller's reads the same, as elsewhere.
     */
    private <T> Optional<T> attempt(Supplier<T> change, Model model, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        try {
            return Optional.of(change.get());
        } catch (InvalidValueException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 400);
            model.addAttribute("error", e.message(locale));
        } catch (NotFoundException e) {
            response.setStatus(404);
            model.addAttribute("error", messages.getMessage("accounts.error.outOfScope", null, locale));
        }
        return Optional.empty();
    }

    private void unreadable(Model model, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        response.setStatus(400);
        model.addAttribute("error", messages.getMessage("accounts.error.unreadable", null, locale));
    }

    private Grant grant(GrantForm form) {
        Role role = form.role();
        if (role == null) {
            return null;
        }
        return new Grant(
                role,
                role == Role.PROGRAMME_MANAGER ? choices.unitByCode(form.unitCode()) : null,
                role == Role.SCHOOL_OFFICER ? choices.schoolByCode(form.schoolCode()) : null,
                role == Role.PARTNER_USER ? form.partnerId() : null,
                role == Role.VOLUNTEER_TECHNICIAN ? form.teamId() : null);
    }

    private String showGrantForm(Model model, GrantForm form) {
        addChoices(model, form);
        return "identity/invite";
    }

    private String showDetails(Model model, GrantForm form) {
        addChoices(model, form);
        return "identity/account";
    }

    private void addChoices(Model model, GrantForm form) {
        Caller caller = Callers.current();
        model.addAttribute("form", form);
        model.addAttribute("roles", grantableRoles(caller));
        model.addAttribute("partners", choices.partners(caller));
        model.addAttribute("teams", choices.teams(caller));
    }

    static List<Role> grantableRoles(Caller caller) {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.DONOR)
                .filter(r -> r != Role.SYSTEM_ADMIN || caller.isAdmin())
                .toList();
    }
}
