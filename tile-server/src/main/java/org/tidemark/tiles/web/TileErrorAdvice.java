package org.tidemark.tiles.web;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tidemark.core.error.GeoServiceException;

/**
 * Errors of the REST tile endpoints as {@code application/problem+json} (RFC 9457): 4xx explain the
 * problem, 5xx hide details and log them under a correlation id. WMTS has its own OGC format
 * ({@code WmtsErrorAdvice}, which takes precedence for its controller).
 */
@RestControllerAdvice(basePackages = "org.tidemark.tiles")
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class TileErrorAdvice {
    private static final Logger LOG = LoggerFactory.getLogger(TileErrorAdvice.class);

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<String> geo(GeoServiceException e) {
        return problem(status(e.kind()), e.code(), e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            IllegalArgumentException.class})
    ResponseEntity<String> badRequest(Exception e) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "Invalid value for " + m.getName() : "Invalid request";
        return problem(HttpStatus.BAD_REQUEST, "InvalidParameterValue", detail);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(Exception e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "NotAcceptable", "No acceptable representation");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        LOG.error("tile request failed [{}]", id, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "NoApplicableCode", "Internal error, reference " + id);
    }

    public static HttpStatus status(GeoServiceException.Kind kind) {
        return switch (kind) {
            case INVALID_PARAMETER, MISSING_PARAMETER, NOT_SUPPORTED -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    static ResponseEntity<String> problem(HttpStatus status, String code, String detail) {
        String body = "{\"type\":\"about:blank\",\"title\":" + Json.quote(status.getReasonPhrase())
                + ",\"status\":" + status.value() + ",\"code\":" + Json.quote(code)
                + ",\"detail\":" + Json.quote(detail == null ? "" : detail) + "}";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").body(body);
    }
}
