package vn.cungem.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.TooManyRequestsException;
import vn.cungem.shared.text.Bundles;

/**
 * Every API error is an RFC 9457 problem with the message in Vietnamese ({@code detail}) and English
 * ({@code detail_en}), and field errors by name. No stack trace ever leaves the server.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.messageVi(), e.messageEn(), null);
    }

    /** Asked more often than a limit allows: 429, and {@code Retry-After} says when to come back. */
    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.messageVi(), e.messageEn(), null));
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        return problem(HttpStatus.BAD_REQUEST, e.code(), e.messageVi(), e.messageEn(), null);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return worded(HttpStatus.NOT_FOUND, "not-found", "problem.not-found");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                Bundles.vi("problem.validation.fields"),
                Bundles.en("problem.validation.fields"),
                fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        return worded(HttpStatus.BAD_REQUEST, "validation", "problem.validation.parameters");
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ProblemDetail unreadable(Exception e) {
        return worded(HttpStatus.BAD_REQUEST, "malformed", "problem.malformed.body");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return worded(HttpStatus.METHOD_NOT_ALLOWED, "method", "problem.method");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return worded(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type", "problem.media-type");
    }

    /** Every spreadsheet-reading slot stayed taken: nothing was read or written, try again later (never a 500). */
    @ExceptionHandler(vn.cungem.shared.spreadsheet.SpreadsheetBusyException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> busy() {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        "Retry-After",
                        String.valueOf(vn.cungem.shared.spreadsheet.SpreadsheetBusyException.RETRY_AFTER_SECONDS))
                .body(worded(HttpStatus.SERVICE_UNAVAILABLE, "busy", "spreadsheet.busy"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return worded(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "problem.too-large.file");
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail denied(Exception e) {
        return worded(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
    }

    /** Two requests creating the same record at once: the database's unique key decides, the loser is told why. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(Exception e) {
        return worded(HttpStatus.CONFLICT, "duplicate", "problem.duplicate");
    }

    /**
     * The database refused a value the forms let through (too long for its column, a NUL character PostgreSQL cannot
     * store, a check constraint): the transaction rolled back, nothing was written, and the caller can correct it.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(Exception e) {
        log.warn("Database refused a value: {}", e.getMessage());
        return worded(HttpStatus.BAD_REQUEST, "value-refused", "problem.value-refused");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // Spring's own request errors (a missing part or header, ...) know their 4xx status: the caller's mistake.
        if (e instanceof org.springframework.web.ErrorResponse response
                && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return worded(status, "request", "problem.request.invalid");
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected API error, incident {}", incident, e);
        return worded(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", "problem.unexpected.incident", incident);
    }

    /** The problem {@code code} worded by the bundles' {@code key} (in {@code i18n/messages}) in both languages. */
    static ProblemDetail worded(HttpStatus status, String code, String key, Object... args) {
        return problem(status, code, Bundles.vi(key, args), Bundles.en(key, args), null);
    }

    static ProblemDetail problem(HttpStatus status, String code, String vi, String en, Object fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, vi);
        problem.setType(URI.create("https://cungem.vn/problems/" + code));
        problem.setTitle(en);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", code);
        props.put("detail_en", en);
        if (fields != null) {
            props.put("errors", fields);
        }
        props.forEach(problem::setProperty);
        return problem;
    }
}
