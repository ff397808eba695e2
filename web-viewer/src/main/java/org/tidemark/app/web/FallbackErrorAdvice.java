package org.tidemark.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tidemark.core.error.GeoServiceException;

/**
 * The last line of the exception policy (STYLE.md §5). Protocol controllers write their own formats
 * (OGC ExceptionReport, problem+json) through their own handlers, which take precedence; whatever
 * reaches this advice becomes {@code application/problem+json}: 4xx explain, 5xx hide the details and
 * log them under a correlation id that the response carries.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FallbackErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackErrorAdvice.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType("application/problem+json");

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<Map<String, Object>> service(GeoServiceException e) {
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
        if (status.is5xxServerError()) return internal(e, status);
        Map<String, Object> body = problem(status, e.getMessage());
        if (e.locator() != null) body.put("parameter", e.locator());
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().contentType(PROBLEM).body(problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON for this operation."));
    }

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(org.springframework.web.server.ResponseStatusException e) {
        HttpStatus s = HttpStatus.valueOf(e.getStatusCode().value());
        return ResponseEntity.status(s).contentType(PROBLEM).body(problem(s, e.getReason() == null ? s.getReasonPhrase() : e.getReason()));
    }

    @ExceptionHandler(org.springframework.web.servlet.resource.NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(org.springframework.web.servlet.resource.NoResourceFoundException e) {
        return ResponseEntity.status(404).contentType(PROBLEM).body(problem(HttpStatus.NOT_FOUND, "No such resource."));
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(org.springframework.web.bind.MissingServletRequestParameterException e) {
        Map<String, Object> body = problem(HttpStatus.BAD_REQUEST, "Missing parameter " + e.getParameterName());
        body.put("parameter", e.getParameterName());
        return ResponseEntity.badRequest().contentType(PROBLEM).body(body);
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
        Map<String, Object> body = problem(HttpStatus.BAD_REQUEST, "Invalid value for parameter " + e.getName());
        body.put("parameter", e.getName());
        return ResponseEntity.badRequest().contentType(PROBLEM).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) { return internal(e, HttpStatus.INTERNAL_SERVER_ERROR); }

    private static ResponseEntity<Map<String, Object>> internal(Exception e, HttpStatus status) {
        String id = UUID.randomUUID().toString();
        LOG.error("Request failed [{}]", id, e);
        Map<String, Object> body = problem(status, status == HttpStatus.SERVICE_UNAVAILABLE
                ? "The service is temporarily unavailable." : "Internal error.");
        body.put("correlationId", id);
        return ResponseEntity.status(status).contentType(PROBLEM).body(body);
    }

    private static Map<String, Object> problem(HttpStatus status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }
}
