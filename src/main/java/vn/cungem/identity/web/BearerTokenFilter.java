package vn.cungem.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.ApiTokens;
import vn.cungem.identity.account.IdentityText;

/**
 * Authenticates {@code Authorization: Bearer ce_…}. A token that is unknown, revoked, expired or whose account is
 * disabled ends the request with 401 at once, rather than falling through as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final IdentityText text;

    BearerTokenFilter(ApiTokens tokens, IdentityText text) {
        this.tokens = tokens;
        this.text = text;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountDetails> account =
                tokens.authenticate(header.substring(7).trim());
        if (account.isEmpty()) {
            ApiProblems.unauthorized(response, text.invalid("token-invalid"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                account.get(), null, account.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
