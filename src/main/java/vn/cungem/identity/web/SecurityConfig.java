package vn.cungem.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.identity.account.ApiTokens;
import vn.cungem.identity.account.IdentityText;
import vn.cungem.identity.account.PasswordSignInProvider;
import vn.cungem.identity.account.SignInAttempts;
import vn.cungem.identity.account.SignInThrottledException;

/**
 * Two filter chains: the API is stateless and authenticated by personal access tokens (no cookies, so no CSRF); pages
 * use a session kept in the database, form sign-in and CSRF tokens.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and the {id} prefix lets us move to argon2 later without resetting anyone's password.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, IdentityText text) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, text), BasicAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                ApiProblems.unauthorized(response, text.invalid("unauthenticated")))
                        .accessDeniedHandler(
                                (request, response, ex) -> ApiProblems.forbidden(response, text.invalid("forbidden"))))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http, AccountUserDetailsService accounts, PasswordEncoder encoder, SignInAttempts attempts)
            throws Exception {
        // The chain's only provider and no parent manager: a parent would try the password again without the
        // throttle and lock-out checks whenever ours refused.
        ProviderManager signIn = new ProviderManager(new PasswordSignInProvider(accounts, encoder, attempts));
        http.authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/",
                                "/login",
                                "/register/**",
                                "/invitation/**",
                                "/password-reset/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/dashboard", false)
                        .failureHandler(signInFailure())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        // Sent only over HTTPS (Spring's default), so the plain-HTTP demo is unaffected.
                        .httpStrictTransportSecurity(
                                hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        return http.build();
    }

    /**
     * The sign-in page says "wait" while backing off, otherwise "wrong email or password": two answers only, the same
     * for an email with or without an account.
     */
    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, exception) -> {
            String reason = exception instanceof SignInThrottledException ? "throttled" : "failed";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }
}
