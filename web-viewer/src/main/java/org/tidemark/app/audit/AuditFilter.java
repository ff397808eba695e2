package org.tidemark.app.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tidemark.app.security.PrincipalFilter;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.Principal;

/**
 * Records every service request (issue #9, "electronic supervision"): who, when, which resource,
 * which operation, the bbox/filter parameters, the number of features returned when the protocol
 * reports it (response header {@code X-Tidemark-Count} or request attribute {@code tidemark.count}),
 * and the outcome. Static viewer assets are not audited; tiles are counted, not listed.
 */
public final class AuditFilter extends OncePerRequestFilter {
    public static final String COUNT_ATTRIBUTE = "tidemark.count";

    private final AuditRecorder recorder;
    private final Clock clock;

    public AuditFilter(AuditRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/ows") || path.startsWith("/wms") || path.startsWith("/wfs") || path.startsWith("/wmts")
                || path.startsWith("/ogc") || path.startsWith("/tiles") || path.startsWith("/api/"))
                || path.startsWith("/api/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response) {
        Principal p = PrincipalFilter.of(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String outcome = Integer.toString(response.getStatus());
        if (path.startsWith("/tiles/") || path.contains("/tiles/")) {
            recorder.tile(p, tileset(path), outcome);
            return;
        }
        String op = param(request, "REQUEST");
        String service = param(request, "SERVICE");
        String action = op != null ? (service != null ? service.toUpperCase(Locale.ROOT) : serviceOf(path)) + " " + op
                : request.getMethod() + " " + path;
        String resource = firstNonNull(param(request, "LAYERS"), param(request, "TYPENAMES"), param(request, "TYPENAME"),
                param(request, "QUERY_LAYERS"), collection(path));
        String query = request.getQueryString() == null ? "" : request.getQueryString()
                .replaceAll("(?i)(^|&)(key|tk|token|access_token)=[^&]*", "$1$2=******");
        long count = -1;
        Object attr = request.getAttribute(COUNT_ATTRIBUTE);
        String header = response.getHeader("X-Tidemark-Count");
        if (attr instanceof Number n) count = n.longValue();
        else if (header != null) {
            try {
                count = Long.parseLong(header);
            } catch (NumberFormatException ignored) {
                // not a count
            }
        }
        recorder.record(AuditEvent.of(clock.instant(), p, action, resource, query, count, outcome));
    }

    private static String tileset(String path) {
        String[] parts = path.split("/");
        // /tiles/{tileset}/... or /ogc/collections/{id}/tiles/...
        if (path.startsWith("/ogc/collections/") && parts.length > 3) return parts[3];
        return parts.length > 2 ? parts[2] : path;
    }

    private static String collection(String path) {
        if (path.startsWith("/ogc/collections/")) {
            String[] parts = path.split("/");
            return parts.length > 3 ? parts[3] : null;
        }
        return null;
    }

    private static String serviceOf(String path) {
        if (path.startsWith("/wms")) return "WMS";
        if (path.startsWith("/wfs")) return "WFS";
        if (path.startsWith("/wmts")) return "WMTS";
        return "OWS";
    }

    /** Case-insensitive KVP lookup, as OGC KVP parameter names are case-insensitive. */
    private static String param(HttpServletRequest request, String name) {
        for (var e : request.getParameterMap().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue().length > 0) return e.getValue()[0];
        }
        return null;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
