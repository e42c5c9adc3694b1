package vn.cungem.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.ApiTokens;
import vn.cungem.identity.account.IdentityText;
import vn.cungem.identity.account.Passwords;
import vn.cungem.shared.InvalidValueException;

/** "My account": change my password, and create, see and revoke my personal access tokens. */
@Controller
class MyAccountController {

    private final Passwords passwords;
    private final ApiTokens tokens;
    private final IdentityText text;

    MyAccountController(Passwords passwords, ApiTokens tokens, IdentityText text) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.text = text;
    }

    @GetMapping("/account")
    String show(@AuthenticationPrincipal AccountDetails me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("tokens", tokens.list(me.id()));
        return "identity/my-account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal AccountDetails me,
            @RequestParam(name = "currentPassword", required = false) String current,
            @RequestParam(name = "newPassword", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmation,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            // This browser's session stays signed in; every other session of the account ends.
            passwords.change(
                    me.id(),
                    current,
                    password,
                    confirmation,
                    request.getSession().getId());
        } catch (InvalidValueException e) {
            response.setStatus(400);
            model.addAttribute("passwordError", e.message(locale));
            return show(me, model);
        }
        // A new session id for the new password: an id someone may have seen before the change is worth nothing now.
        request.changeSessionId();
        redirect.addFlashAttribute("flashKey", "myAccount.passwordChanged");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal AccountDetails me,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "validDays", required = false) String validDays,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            ApiTokens.Created created = tokens.create(me.id(), name, days(validDays));
            // Shown once, on the next page only; the database keeps nothing it could show again.
            redirect.addFlashAttribute("newToken", created.token());
            return "redirect:/account";
        } catch (InvalidValueException e) {
            response.setStatus(400);
            model.addAttribute("tokenError", e.message(locale));
            return show(me, model);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AccountDetails me, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("flashKey", "myAccount.tokenRevoked");
        return "redirect:/account";
    }

    private Integer days(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw text.invalidAs("token-validity", "account.error.token-validity-not-a-number");
        }
    }
}
