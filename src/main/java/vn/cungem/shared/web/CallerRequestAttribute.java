package vn.cungem.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.cungem.shared.security.Callers;

/**
 * Puts the caller on every request, so every page (including those rendered by exception handlers and Boot's error
 * controller, whose models start empty) can draw the header and decide what to show; with it the path inside the
 * application ({@code menuPath}), so the menu marks the section the page belongs to (Thymeleaf 3.1 no longer offers the
 * request to templates).
 */
@Configuration
class CallerRequestAttribute implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute("caller") == null) {
            request.setAttribute("caller", Callers.current());
        }
        if (request.getAttribute("menuPath") == null) {
            request.setAttribute(
                    "menuPath",
                    request.getRequestURI().substring(request.getContextPath().length()));
        }
        return true;
    }
}
