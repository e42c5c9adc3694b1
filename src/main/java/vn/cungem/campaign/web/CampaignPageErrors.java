package vn.cungem.campaign.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Callers;

/**
 * Error pages for the campaign pages. The shared handler's model lacks the {@code caller} that the page header reads
 * (model attributes are not added to exception handlers' models), so these add it; they also turn a malformed row
 * index in a posted form ({@code phases[x].name}) into a 400 instead of a 500.
 */
@ControllerAdvice(assignableTypes = CampaignController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CampaignPageErrors {

    private static final Logger log = LoggerFactory.getLogger(CampaignPageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        model.addAttribute("caller", Callers.current());
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response, Model model) {
        model.addAttribute("caller", Callers.current());
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(InvalidValueException.class)
    String invalid(InvalidValueException e, Locale locale, HttpServletResponse response, Model model) {
        model.addAttribute("caller", Callers.current());
        model.addAttribute("message", e.message(locale));
        response.setStatus(e instanceof ConflictException ? 409 : 400);
        return "error/400";
    }

    @ExceptionHandler(InvalidPropertyException.class)
    String malformedForm(Locale locale, HttpServletResponse response, Model model) {
        model.addAttribute("caller", Callers.current());
        model.addAttribute(
                "message",
                "en".equals(locale.getLanguage())
                        ? "The form was not understood; reload the page and try again."
                        : "Biểu mẫu gửi lên không đọc được; hãy tải lại trang rồi thử lại.");
        response.setStatus(400);
        return "error/400";
    }

    @ExceptionHandler({
        org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
        org.springframework.web.bind.MissingServletRequestParameterException.class
    })
    String badRequest(Locale locale, HttpServletResponse response, Model model) {
        model.addAttribute("caller", Callers.current());
        model.addAttribute(
                "message",
                "en".equals(locale.getLanguage())
                        ? "The request was not understood: check the address and the form."
                        : "Yêu cầu không hợp lệ: hãy kiểm tra lại địa chỉ hoặc biểu mẫu.");
        response.setStatus(400);
        return "error/400";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected campaign page error, incident {}", incident, e);
        model.addAttribute("caller", Callers.current());
        model.addAttribute("incident", incident);
        response.setStatus(500);
        return "error/500";
    }
}
