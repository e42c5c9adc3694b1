package vn.cungem.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.ratelimit.RateLimits;
import vn.cungem.shared.spreadsheet.SpreadsheetBusyException;
import vn.cungem.shared.text.Bundles;

/** Errors on pages become a page in the reader's language that says what happened and what to do next. */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final RateLimits rateLimits;

    PageExceptionHandler(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    /**
     * Asked more often than a limit allows (a public page, a duplicate check), where the page itself does not show its form again with the
     * message: 429 with {@code Retry-After} and the message on the error page.
     */
    @ExceptionHandler(TooManyRequestsException.class)
    String tooMany(TooManyRequestsException e, Locale locale, HttpServletResponse response, Model model) {
        withCaller(model);
        model.addAttribute("message", rateLimits.refuse(e, response, locale));
        return "error/400";
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        withCaller(model);
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(InvalidValueException.class)
    String invalid(InvalidValueException e, Locale locale, HttpServletResponse response, Model model) {
        withCaller(model);
        response.setStatus(e instanceof vn.cungem.shared.ConflictException ? 409 : 400);
        model.addAttribute("message", e.message(locale));
        return "error/400";
    }

    @ExceptionHandler({
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        MultipartException.class,
        // a posted form with a malformed row index such as phases[x].name
        org.springframework.beans.InvalidPropertyException.class
    })
    String badRequest(Exception e, Locale locale, HttpServletResponse response, Model model) {
        withCaller(model);
        response.setStatus(e instanceof MaxUploadSizeExceededException ? 413 : 400);
        model.addAttribute("message", Bundles.text("problem.request.page", locale));
        return "error/400";
    }

    /** Every spreadsheet-reading slot stayed taken: nothing was read or written, try again later (never a 500). */
    @ExceptionHandler(SpreadsheetBusyException.class)
    String busy(SpreadsheetBusyException e, Locale locale, HttpServletResponse response, Model model) {
        withCaller(model);
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(SpreadsheetBusyException.RETRY_AFTER_SECONDS));
        model.addAttribute("message", e.message(locale));
        return "error/503";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response, Model model) {
        withCaller(model);
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    String duplicate(Locale locale, HttpServletResponse response, Model model) {
        withCaller(model);
        response.setStatus(409);
        model.addAttribute("message", Bundles.text("problem.duplicate", locale));
        return "error/400";
    }

    /** The database refused a value the form let through; the transaction rolled back and nothing was written. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    String refusedByDatabase(Exception e, Locale locale, HttpServletResponse response, Model model) {
        log.warn("Database refused a value: {}", e.getMessage());
        withCaller(model);
        response.setStatus(400);
        model.addAttribute("message", Bundles.text("problem.value-refused", locale));
        return "error/400";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Locale locale, HttpServletResponse response, Model model) {
        // Spring's own request errors (a missing part, an unreadable body, ...) know their 4xx status.
        if (e instanceof org.springframework.web.ErrorResponse error
                && error.getStatusCode().is4xxClientError()) {
            String view = badRequest(e, locale, response, model);
            response.setStatus(error.getStatusCode().value());
            return view;
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected page error, incident {}", incident, e);
        withCaller(model);
        response.setStatus(500);
        model.addAttribute("incident", incident);
        return "error/500";
    }

    /** Exception handlers get a fresh model without {@code @ModelAttribute}s; the layout needs the caller. */
    private static void withCaller(Model model) {
        model.addAttribute("caller", vn.cungem.shared.security.Callers.current());
    }
}
