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
            String[] message = message(status);
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiExceptionHandler.problem(status, message[0], message[1], message[2], null));
        }
        String view = switch (status.value()) {
            case 400, 403, 404 -> "error/" + status.value();
            // Too large: the message says what the limit is (UploadSizeGuard) or at least what happened.
            case 413 -> "error/400";
            default -> status.is5xxServerError() ? "error/500" : "error";
        };
        ModelAndView page = new ModelAndView(view, status);
        if (status.value() == 413) {
            Object told = request.getAttribute("cungem.upload.too-large");
            String[] message = message(status);
            page.addObject(
                    "message",
                    told != null
                            ? told
                            : "en"
                                            .equals(
                                                    org.springframework.web.servlet.support.RequestContextUtils
                                                            .getLocale(request)
                                                            .getLanguage())
                                    ? message[2]
                                    : message[1]);
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

    /** code, Vietnamese, English. */
    private static String[] message(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> new String[] {"malformed", "Yêu cầu không đọc được.", "The request could not be read."};
            case 401 -> new String[] {"unauthenticated", "Cần đăng nhập.", "Authentication required."};
            case 403 ->
                new String[] {
                    "forbidden", "Bạn không có quyền thực hiện thao tác này.", "You are not allowed to do this."
                };
            case 404 ->
                new String[] {
                    "not-found",
                    "Không tìm thấy địa chỉ hoặc dữ liệu này, hoặc bạn không có quyền xem.",
                    "Not found, or outside your scope."
                };
            case 405 ->
                new String[] {
                    "method", "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.", "HTTP method not supported here."
                };
            case 413 ->
                new String[] {
                    "too-large", "Yêu cầu hoặc tệp tải lên quá lớn.", "The request or uploaded file is too large."
                };
            case 415 ->
                new String[] {
                    "media-type",
                    "Định dạng nội dung không được hỗ trợ; hãy gửi application/json.",
                    "Unsupported content type; send application/json."
                };
            default ->
                status.is5xxServerError()
                        ? new String[] {
                            "unexpected",
                            "Đã có lỗi ngoài dự kiến. Hãy thử lại hoặc báo quản trị viên.",
                            "Unexpected error. Retry or tell an administrator."
                        }
                        : new String[] {
                            "request", "Không thực hiện được yêu cầu này.", "The request could not be served."
                        };
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
