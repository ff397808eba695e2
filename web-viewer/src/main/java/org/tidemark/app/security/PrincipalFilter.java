package org.tidemark.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tidemark.core.access.CredentialCheck;
import org.tidemark.core.access.Principal;

/**
 * Puts the caller on every request as the attribute {@code org.tidemark.core.access.Principal}, which
 * all read paths hand to the access gate. Credentials that are present but wrong are refused with 401
 * rather than silently downgraded to anonymous, so a misconfigured client notices.
 */
public final class PrincipalFilter extends OncePerRequestFilter {
    public static final String ATTRIBUTE = Principal.class.getName();

    private final Authenticator authenticator;

    public PrincipalFilter(Authenticator authenticator) { this.authenticator = authenticator; }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Principal> principal = Optional.of(Principal.ANONYMOUS);
        String auth = request.getHeader("Authorization");
        String key = request.getHeader("X-API-Key");
        // OGC clients (QGIS, GDAL, OpenLayers URLs, EventSource) often cannot set headers: accept the key as
        // key= (or tk=, as Tianditu-style integrations spell it) and a token as token= / access_token=
        if (key == null) key = request.getParameter("key");
        if (key == null) key = request.getParameter("tk");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        if (token == null) token = request.getParameter("token");
        if (token == null) token = request.getParameter("access_token");
        CredentialCheck credential = CredentialCheck.ALWAYS;
        if (token != null && !token.isBlank()) {
            principal = authenticator.bearer(token);
            String t = token;
            credential = () -> authenticator.bearer(t).isPresent();   // logout or expiry ends open streams
        } else if (key != null && !key.isBlank()) {
            String k = key.trim();
            principal = authenticator.apiKey(k);
            credential = () -> authenticator.apiKey(k).isPresent();
        }
        if (principal.isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"The token or API key is invalid, expired or revoked.\"}");
            return;
        }
        request.setAttribute(ATTRIBUTE, principal.get());
        request.setAttribute(CredentialCheck.ATTRIBUTE, credential);
        chain.doFilter(request, response);
    }

    /** The principal of the current request (anonymous when none was set). */
    public static Principal of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Principal p ? p : Principal.ANONYMOUS;
    }
}
