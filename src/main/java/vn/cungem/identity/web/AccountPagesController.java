package vn.cungem.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import vn.cungem.identity.account.AccountRow;
import vn.cungem.identity.account.AccountService;
import vn.cungem.identity.account.Grant;
import vn.cungem.identity.account.ScopeChoices;
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

    private final AccountService accounts;
    private final ScopeChoices choices;

    AccountPagesController(AccountService accounts, ScopeChoices choices) {
        this.accounts = accounts;
        this.choices = choices;
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
        return showGrantForm(model, GrantForm.empty(), null);
    }

    @PostMapping("/accounts/invite")
    String invite(
            @ModelAttribute("form") GrantForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        if (binding.hasErrors()) {
            response.setStatus(400);
            return showGrantForm(model, GrantForm.empty(), unreadable(locale));
        }
        try {
            long id = accounts.invite(caller, form.email(), form.fullName(), grant(form));
            redirect.addFlashAttribute("flashKey", "accounts.invited");
            return "redirect:/accounts/" + id;
        } catch (InvalidValueException e) {
            response.setStatus(e instanceof vn.cungem.shared.ConflictException ? 409 : 400);
            return showGrantForm(model, form, e.message(locale));
        } catch (NotFoundException e) {
            response.setStatus(404);
            return showGrantForm(model, form, outOfScope(locale));
        }
    }

    @GetMapping("/accounts/{id}")
    String details(@PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(Callers.current(), id));
        return showDetails(id, model, GrantForm.empty(), null);
    }

    @PostMapping("/accounts/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam("enabled") boolean enabled,
            @RequestParam(name = "reason", required = false) String reason,
            RedirectAttributes redirect) {
        accounts.setEnabled(Callers.current(), id, enabled, reason);
        redirect.addFlashAttribute("flashKey", enabled ? "accounts.enabledDone" : "accounts.disabledDone");
        return "redirect:/accounts/" + id;
    }

    @PostMapping("/accounts/{id}/grant")
    String changeGrant(
            @PathVariable long id,
            @ModelAttribute("form") GrantForm form,
            BindingResult binding,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Caller caller = Callers.current();
        AccountRow account = accounts.get(caller, id);
        if (binding.hasErrors()) {
            response.setStatus(400);
            model.addAttribute("account", account);
            return showDetails(id, model, GrantForm.empty(), unreadable(locale));
        }
        try {
            accounts.changeGrant(caller, id, grant(form), form.reason());
            redirect.addFlashAttribute("flashKey", "accounts.grantChanged");
            return "redirect:/accounts/" + id;
        } catch (InvalidValueException e) {
            response.setStatus(400);
            model.addAttribute("account", account);
            return showDetails(id, model, form, e.message(locale));
        } catch (NotFoundException e) {
            response.setStatus(404);
            model.addAttribute("account", account);
            return showDetails(id, model, form, outOfScope(locale));
        }
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

    private String showGrantForm(Model model, GrantForm form, String error) {
        addChoices(model, form, error);
        return "identity/invite";
    }

    private String showDetails(long id, Model model, GrantForm form, String error) {
        addChoices(model, form, error);
        return "identity/account";
    }

    private void addChoices(Model model, GrantForm form, String error) {
        Caller caller = Callers.current();
        model.addAttribute("form", form);
        model.addAttribute("error", error);
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

    private static String unreadable(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "The form was not understood: check the role and the selected values."
                : "Biểu mẫu chưa hợp lệ: hãy kiểm tra vai trò và các lựa chọn.";
    }

    private static String outOfScope(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "That unit, school, team or partner was not found in your scope."
                : "Không tìm thấy đơn vị, trường, đội hoặc tổ chức đối tác này trong phạm vi của bạn.";
    }
}
