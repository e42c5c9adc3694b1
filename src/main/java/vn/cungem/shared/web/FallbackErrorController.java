package vn.cungem.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.cungem.shared.text.Bundles;

/**
 * Errors that reach no controller of ours: an unknown address, and what the servlet container itself refuses (a
 * method the address does not take, a request too large) and forwards to {@code /error}. Replaces Boot's
 * {@code BasicErrorController}, whose JSON ({@code timestamp/status/error/path}) carries no message anyone can act on:
 * API clients get the same vi+en problem as from {@link ApiExceptionHandler}, browsers get a page.
 */
@Controller
class FallbackErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // A visit to /error itself, with no error behind it, finds nothing.
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null
                ? HttpStatus.valueOf(c)
                : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return answer(request, String.valueOf(uri == null ? request.getRequestURI() : uri), status);
    }

    static Object answer(HttpServletRequest request, String path, HttpStatus status) {
        if (wantsProblem(request, path)) {
            String code = code(status);
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiExceptionHandler.worded(
                            status, code, code.equals("not-found") ? NO_ADDRESS : "problem." + code));
        }
        String view = switch (status.value()) {
            case 400, 403, 404, 503 -> "error/" + status.value();
            // Too large: the message says what the limit is (UploadSizeGuard) or at least what happened.
            case 413 -> "error/400";
            default -> status.is5xxServerError() ? "error/500" : "error";
        };
        ModelAndView page = new ModelAndView(view, status);
        if (status.value() == 413) {
            Object told = request.getAttribute("cungem.upload.too-large");
            page.addObject(
                    "message",
                    told != null
                            ? told
                            : Bundles.text(
                                    "problem.too-large",
                                    org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)));
        }
        page.addObject("caller", vn.cungem.shared.security.Callers.current());
        return page;
    }

    private static boolean wantsProblem(HttpServletRequest request, String path) {
        if (path.startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.contains("text/html")) {
            return false;
        }
        return accept.contains("json");
    }

    // An unknown address is not the same news as a record the caller may not see (ApiExceptionHandler's not-found).
    private static final String NO_ADDRESS = "problem.not-found.address";

    /** The problem code for a status; its wording is {@code problem.<code>} in {@code i18n/messages}. */
    private static String code(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "malformed";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method";
            case 413 -> "too-large";
            case 415 -> "media-type";
            default -> status.is5xxServerError() ? "unexpected" : "request";
        };
    }

    /**
     * An address no controller maps. Not limited to our controllers (unlike the other handlers), because no controller
     * is involved: the API answers a problem, pages the 404 page.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    static class UnknownAddress {

        @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
        Object notFound(HttpServletRequest request) {
            return answer(request, request.getRequestURI(), HttpStatus.NOT_FOUND);
        }

        /**
         * Raised while choosing the handler (the address exists, but not for this method or content type), so no
         * controller advice limited to our controllers sees it.
         */
        @ExceptionHandler({
            HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class
        })
        Object unsupported(Exception e, HttpServletRequest request, HttpServletResponse response) {
            if (e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
                response.setHeader(
                        "Allow",
                        m.getSupportedHttpMethods().stream()
                                .map(HttpMethod::name)
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
            HttpStatus status = e instanceof HttpRequestMethodNotSupportedException
                    ? HttpStatus.METHOD_NOT_ALLOWED
                    : e instanceof HttpMediaTypeNotSupportedException
                            ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                            : HttpStatus.NOT_ACCEPTABLE;
            return answer(request, request.getRequestURI(), status);
        }
    }
}
