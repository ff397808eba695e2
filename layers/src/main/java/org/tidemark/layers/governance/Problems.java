package org.tidemark.layers.governance;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tidemark.core.error.GeoServiceException;

/** RFC 9457 problem details for the governance REST API (STYLE.md §5: one written exception policy). */
final class Problems {
    static final MediaType PROBLEM_JSON = MediaType.parseMediaType("application/problem+json");

    private Problems() {}

    static ResponseEntity<Map<String, Object>> of(GeoServiceException e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID_PARAMETER, MISSING_PARAMETER, NOT_SUPPORTED -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", status.is5xxServerError() ? "The service is temporarily unavailable." : e.getMessage());
        if (e.locator() != null) body.put("parameter", e.locator());
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(body);
    }

    static GeoServiceException unauthenticated() {
        return new GeoServiceException(GeoServiceException.Kind.UNAUTHENTICATED, "Unauthenticated", null,
                "Sign in or present an API key to do this.");
    }

    static GeoServiceException conflict(String message) {
        return new GeoServiceException(GeoServiceException.Kind.CONFLICT, "Conflict", null, message);
    }
}
