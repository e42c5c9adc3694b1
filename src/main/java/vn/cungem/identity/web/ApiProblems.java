package vn.cungem.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.cungem.shared.InvalidValueException;

/**
 * The 401 and 403 answers of the API, written by the security filters before any controller runs, in the same problem
 * format as {@code ApiExceptionHandler}: never an HTML page or an empty body.
 */
final class ApiProblems {

    private ApiProblems() {}

    static void unauthorized(HttpServletResponse response, InvalidValueException problem) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, problem.code(), problem.messageVi(), problem.messageEn());
    }

    static void forbidden(HttpServletResponse response, InvalidValueException problem) throws IOException {
        write(response, 403, problem.code(), problem.messageVi(), problem.messageEn());
    }

    static void write(HttpServletResponse response, int status, String code, String vi, String en) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"https://cungem.vn/problems/" + json(code) + "\",\"title\":\"" + json(en)
                        + "\",\"status\":" + status + ",\"detail\":\"" + json(vi) + "\",\"code\":\"" + json(code)
                        + "\",\"detail_en\":\"" + json(en) + "\"}");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
