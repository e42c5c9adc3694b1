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
import vn.cungem.identity.account.DonorSignUps;
import vn.cungem.identity.account.Invitations;
import vn.cungem.identity.account.PasswordPolicy;
import vn.cungem.identity.account.PasswordResets;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.ratelimit.RateLimitedException;
import vn.cungem.shared.ratelimit.RateLimits;

/**
 * Pages reached without signing in: accepting an invitation, resetting a forgotten password, and signing up as a
 * donor. Links carry single-use tokens; an invalid link gets one page that does not say whether it ever existed.
 */
@Controller
class PublicAccountPagesController {

    /** The new password as typed twice, on the invitation and the reset forms. */
    record NewPassword(String password, String confirmPassword) {}

    private final Invitations invitations;
    private final PasswordResets resets;
    private final DonorSignUps signUps;
    private final RateLimits rateLimits;

    PublicAccountPagesController(
            Invitations invitations, PasswordResets resets, DonorSignUps signUps, RateLimits rateLimits) {
        this.invitations = invitations;
        this.resets = resets;
        this.signUps = signUps;
        this.rateLimits = rateLimits;
    }

    // ---- invitation ----

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<AccountRow> account = invitations.open(token);
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
            @PathVariable String token, NewPassword form, Model model, Locale locale, HttpServletResponse response) {
        if (invitations.open(token).isEmpty()) {
            return linkInvalid(model, response);
        }
        try {
            invitations.accept(token, form.password(), form.confirmPassword());
        } catch (InvalidValueException e) {
            refuse(e, model, locale, response);
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
        } catch (RateLimitedException e) {
            model.addAttribute("error", rateLimits.refuse(e, response, locale));
            model.addAttribute("email", email);
            return resetRequestForm();
        }
        resets.request(email);
        return message(model, "reset.sent.title", "reset.sent.body", false);
    }

    @GetMapping("/password-reset/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!resets.isLinkValid(token)) {
            return linkInvalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "identity/password-reset";
    }

    @PostMapping("/password-reset/{token}")
    String reset(
            @PathVariable String token,
            NewPassword form,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!resets.isLinkValid(token)) {
            return linkInvalid(model, response);
        }
        try {
            // The address as resolved by Tomcat (TrustedProxiesConfig), like the sign-in's.
            resets.reset(token, form.password(), form.confirmPassword(), request.getRemoteAddr());
        } catch (InvalidValueException e) {
            refuse(e, model, locale, response);
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
            signUps.register(email, fullName, password, confirmation);
            return message(model, "register.sent.title", "register.sent.body", false);
        } catch (RateLimitedException e) {
            model.addAttribute("error", rateLimits.refuse(e, response, locale));
        } catch (InvalidValueException e) {
            refuse(e, model, locale, response);
        }
        model.addAttribute("email", email);
        model.addAttribute("fullName", fullName);
        return registerForm(model);
    }

    @GetMapping("/register/verify/{token}")
    String verify(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!signUps.verify(token)) {
            return linkInvalid(model, response);
        }
        return message(model, "register.verified.title", "register.verified.body", true);
    }

    private static void refuse(InvalidValueException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("error", e.message(locale));
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
