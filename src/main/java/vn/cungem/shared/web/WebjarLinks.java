package vn.cungem.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Links to webjars get their version written in ({@code @{/webjars/htmx.org/dist/htmx.min.js}} becomes
 * {@code /webjars/htmx.org/2.0.4/dist/htmx.min.js}), and no other link is looked at. Spring's own filter, which this
 * replaces, asks the resource chain about every link a page writes: each {@code /students/123} or {@code ?cursor=} link
 * was looked up as a file in every jar of the class path, found in none, and looked up again on the next page (misses
 * are not cached). That was most of the time of a student list page (issue 15: 25 rows, about 80 links, 200-400 ms;
 * the same list as JSON took 15-45 ms). Pages link to no versioned static file but webjars.
 */
@Configuration(proxyBeanMethods = false)
class WebjarLinks {

    private static final String WEBJARS = "/webjars/";

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(
            ObjectProvider<ResourceUrlProvider> provider) {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new WebjarsOnly(provider));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter's type, so Boot does not add its own beside it; only webjar links are encoded. */
    static final class WebjarsOnly extends ResourceUrlEncodingFilter {

        private final ObjectProvider<ResourceUrlProvider> provider;

        WebjarsOnly(ObjectProvider<ResourceUrlProvider> provider) {
            this.provider = provider;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new HttpServletResponseWrapper(out) {
                @Override
                public String encodeURL(String url) {
                    return super.encodeURL(versioned(http.getContextPath(), url));
                }
            });
        }

        private String versioned(String context, String url) {
            if (url == null || !url.startsWith(context + WEBJARS)) {
                return url;
            }
            int end = url.length();
            for (char c : new char[] {'?', '#'}) {
                int at = url.indexOf(c);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            ResourceUrlProvider urls = provider.getIfAvailable();
            String resolved = urls == null ? null : urls.getForLookupPath(url.substring(context.length(), end));
            return resolved == null ? url : context + resolved + url.substring(end);
        }
    }
}
