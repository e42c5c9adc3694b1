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
        return problem(
                HttpStatus.NOT_FOUND,
                "not-found",
                "Không tìm thấy dữ liệu, hoặc bạn không có quyền xem dữ liệu này.",
                "Not found, or outside your scope.",
                null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Dữ liệu gửi lên chưa hợp lệ; xem danh sách trường bị lỗi.",
                "The request has invalid fields; see the list.",
                fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Tham số gửi lên chưa hợp lệ.",
                "Invalid request parameters.",
                null);
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ProblemDetail unreadable(Exception e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "malformed",
                "Yêu cầu không đọc được: kiểm tra định dạng JSON, kiểu dữ liệu (số, ngày yyyy-MM-dd) và các tham số bắt buộc.",
                "The request could not be read: check the JSON, the value types (numbers, dates yyyy-MM-dd) and required"
                        + " parameters.",
                null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method",
                "Phương thức HTTP này không được hỗ trợ ở địa chỉ này.",
                "HTTP method not supported here.",
                null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "media-type",
                "Định dạng nội dung không được hỗ trợ; hãy gửi application/json.",
                "Unsupported content type; send application/json.",
                null);
    }

    /** Every spreadsheet-reading slot stayed taken: nothing was read or written, try again later (never a 500). */
    @ExceptionHandler(vn.cungem.shared.spreadsheet.SpreadsheetBusyException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> busy() {
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        "Retry-After",
                        String.valueOf(vn.cungem.shared.spreadsheet.SpreadsheetBusyException.RETRY_AFTER_SECONDS))
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "busy",
                        vn.cungem.shared.spreadsheet.SpreadsheetBusyException.MESSAGE_VI,
                        vn.cungem.shared.spreadsheet.SpreadsheetBusyException.MESSAGE_EN,
                        null));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "too-large",
                "Tệp tải lên quá lớn.",
                "The uploaded file is too large.",
                null);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ProblemDetail denied(Exception e) {
        return problem(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Bạn không có quyền thực hiện thao tác này.",
                "You are not allowed to do this.",
                null);
    }

    /** Two requests creating the same record at once: the database's unique key decides, the loser is told why. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(Exception e) {
        return problem(
                HttpStatus.CONFLICT,
                "duplicate",
                "Dữ liệu này đã tồn tại (có thể do gửi hai lần); hãy tải lại và kiểm tra.",
                "This record already exists (perhaps sent twice); reload and check.",
                null);
    }

    /**
     * The database refused a value the forms let through (too long for its column, a NUL character PostgreSQL cannot
     * store, a check constraint): the transaction rolled back, nothing was written, and the caller can correct it.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(Exception e) {
        log.warn("Database refused a value: {}", e.getMessage());
        return problem(
                HttpStatus.BAD_REQUEST,
                "value-refused",
                "Dữ liệu có giá trị không lưu được (quá dài, có ký tự điều khiển hoặc sai ràng buộc); chưa có gì được"
                        + " ghi. Hãy kiểm tra và gửi lại.",
                "A value could not be stored (too long, a control character or a broken rule); nothing was written."
                        + " Check and send again.",
                null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // Spring's own request errors (a missing part or header, ...) know their 4xx status: the caller's mistake.
        if (e instanceof org.springframework.web.ErrorResponse response
                && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return problem(
                    status,
                    "request",
                    "Yêu cầu chưa hợp lệ: kiểm tra địa chỉ, tham số, tiêu đề và nội dung gửi lên.",
                    "Invalid request: check the address, parameters, headers and body.",
                    null);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected API error, incident {}", incident, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "unexpected",
                "Đã có lỗi ngoài dự kiến (mã sự cố " + incident + "). Dữ liệu của bạn chưa bị thay đổi; hãy thử lại"
                        + " hoặc báo quản trị viên mã này.",
                "Unexpected error (incident " + incident + "). Nothing was changed; retry or give this code to an"
                        + " administrator.",
                null);
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
