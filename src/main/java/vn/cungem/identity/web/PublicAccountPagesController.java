package vn.cungem.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.cungem.identity.account.AccountRow;
import vn.cungem.identity.account.AccountService;
import vn.cungem.identity.account.PasswordPolicy;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.ratelimit.RateLimits;

/**
 * Pages reached without signing in: accepting an invitation, resetting a forgotten password, and signing up as a
 * donor. Links carry single-use tokens; an invalid link gets one page that does not say whether it ever existed.
 */
@Controller
class PublicAccountPagesController {

    private final AccountService accounts;
    private final RateLimits rateLimits;

    PublicAccountPagesController(AccountService accounts, RateLimits rateLimits) {
        this.accounts = accounts;
        this.rateLimits = rateLimits;
    }

    // ---- invitation ----

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<AccountRow> account = accounts.openInvitation(token);
        if (account.isEmpty()) {
            return linkInvalid(model, response);
        }
        model.addAttribute("account", account.get());
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/invitation";
    }

    @PostMapping("/invitation/{token}")
    String acceptInvitation(
            @PathVariable String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmation,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Optional<AccountRow> account = accounts.openInvitation(token);
        if (account.isEmpty()) {
            return linkInvalid(model, response);
        }
        try {
            accounts.acceptInvitation(token, password, confirmation);
        } catch (InvalidValueException e) {
            response.setStatus(400);
            model.addAttribute("error", e.message(locale));
            return invitation(token, model, response);
        }
        return message(model, "invitation.done.title", "invitation.done.body", true);
    }

    // ---- password reset ----

    @GetMapping("/password-reset")
    String resetRequestForm() {
        return "identity/password-reset-request";
    }

    @PostMapping("/password-reset")
    String requestReset(
            @RequestParam(name = "email", required = false) String email,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            // Counted whether or not the email has an account, so a 429 tells nothing about who is registered.
            rateLimits.checkClient(RateLimits.PASSWORD_RESET_PER_CLIENT, request);
            rateLimits.checkEmail(RateLimits.PASSWORD_RESET_PER_EMAIL, email);
        } catch (TooManyRequestsException e) {
            model.addAttribute("error", rateLimits.refuse(e, response, locale));
            model.addAttribute("email", email);
            return resetRequestForm();
        }
        accounts.requestPasswordReset(email);
        return message(model, "reset.sent.title", "reset.sent.body", false);
    }

    @GetMapping("/password-reset/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!accounts.isResetLinkValid(token)) {
            return linkInvalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/password-reset";
    }

    @PostMapping("/password-reset/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmation,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!accounts.isResetLinkValid(token)) {
            return linkInvalid(model, response);
        }
        try {
            // The address as resolved by Tomcat (TrustedProxiesConfig), like the sign-in's.
            accounts.resetPassword(token, password, confirmation, request.getRemoteAddr());
        } catch (InvalidValueException e) {
            response.setStatus(400);
            model.addAttribute("error", e.message(locale));
            return resetForm(token, model, response);
        }
        return message(model, "reset.done.title", "reset.done.body", true);
    }

    // ---- donors ----

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/register";
    }

    @PostMapping("/register")
    String register(
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "fullName", required = false) String fullName,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "confirmPassword", required = false) String confirmation,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            rateLimits.checkClient(RateLimits.SIGN_UP_PER_CLIENT, request);
            rateLimits.checkEmail(RateLimits.SIGN_UP_PER_EMAIL, email);
            accounts.registerDonor(email, fullName, password, confirmation);
        } catch (TooManyRequestsException e) {
            model.addAttribute("error", rateLimits.refuse(e, response, locale));
            model.addAttribute("email", email);
            model.addAttribute("fullName", fullName);
            return registerForm(model);
        } catch (InvalidValueException e) {
            response.setStatus(400);
            model.addAttribute("error", e.message(locale));
            model.addAttribute("email", email);
            model.addAttribute("fullName", fullName);
            return registerForm(model);
        }
        return message(model, "register.sent.title", "register.sent.body", false);
    }

    @GetMapping("/register/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!accounts.verifyEmail(token)) {
            return linkInvalid(model, response);
        }
        return message(model, "register.verified.title", "register.verified.body", true);
    }

    private static String linkInvalid(Model model, HttpServletResponse response) {
        response.setStatus(410);
        return message(model, "link.invalid.title", "link.invalid.body", false);
    }

    private static String message(Model model, String titleKey, String bodyKey, boolean signInLink) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("bodyKey", bodyKey);
        model.addAttribute("signInLink", signInLink);
        return "identity/message";
    }
}
