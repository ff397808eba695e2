package org.tidemark.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tidemark.core.access.Principal;

/**
 * Who may write sensor data: readings come from the water bureau's telemetry systems (API keys with the
 * {@code ingest} role) or its stewards; alerts are acknowledged by signed-in stewards. The sensor module
 * itself stays free of authentication; this filter, next to the other security code, guards its
 * write endpoints (reads pass through the access gate inside the module).
 */
public final class WriteAuthorizationFilter extends OncePerRequestFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith("/api/sensors/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal p = PrincipalFilter.of(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean ingest = path.equals("/api/sensors/observations");
        boolean allowed = p.hasRole("admin")
                || (ingest && p.hasRole("ingest"))
                || ("water".equals(p.department()) && p.hasRole("steward"))
                || (!ingest && p.hasRole("steward") && "emergency".equals(p.department()));
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        int status = p.isAnonymous() ? 401 : 403;
        response.setStatus(status);
        if (status == 401) response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"status\":" + status + ",\"detail\":\"" + (ingest
                ? "Readings are accepted from telemetry systems with the ingest role or water bureau stewards."
                : "Only stewards of the water or emergency bureau acknowledge alerts.") + "\"}");
    }
}
