package org.tidemark.layers.ogcapi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.tidemark.core.error.GeoServiceException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes errors as {@code application/problem+json} (RFC 9457, formerly RFC 7807), the OGC API – Features
 * Part 1 §7.5.1 recommendation: {@code type}, {@code title}, {@code status}, {@code detail}. Status codes follow
 * Part 1 Table 3: 400 invalid parameters, 403, 404 unknown collection or feature, 406 unsupported format,
 * 500 server errors (no internal details), 503 unavailable sources.
 */
final class ProblemWriter {
    static final JsonFactory JSON = new JsonFactory();

    private ProblemWriter() {}

    static int status(GeoServiceException e) {
        return switch (e.kind()) {
            case INVALID_PARAMETER, MISSING_PARAMETER -> 400;
            case NOT_SUPPORTED -> 400;
            case NOT_FOUND -> 404;
            case NOT_ACCEPTABLE -> 406;
            case FORBIDDEN -> 403;
            case UNAUTHENTICATED -> 401;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setHeader("Content-Crs", null);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        try (JsonGenerator g = JSON.createGenerator(response.getOutputStream())) {
            g.writeStartObject();
            g.writeStringProperty("type", "about:blank");
            g.writeStringProperty("title", title);
            g.writeNumberProperty("status", status);
            if (detail != null) g.writeStringProperty("detail", detail);
            g.writeEndObject();
        }
    }

    static void write(HttpServletResponse response, GeoServiceException e) throws IOException {
        int status = status(e);
        String title = switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
        String detail = e.getMessage();
        if (e.locator() != null && detail != null && !detail.contains(e.locator())) detail = e.locator() + ": " + detail;
        write(response, status, title, detail);
    }
}
