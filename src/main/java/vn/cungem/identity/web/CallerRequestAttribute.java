package vn.cungem.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.cungem.shared.security.Callers;

/**
 * Puts the caller on every request, so pages rendered by exception handlers (which get an empty model, without the
 * {@code caller} that {@code CallerModelAdvice} adds) can still draw the header. Safe to drop once the shared page
 * exception handler adds the caller itself.
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
        return true;
    }
}
