package org.tidemark.sensors.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.sensors.ingest.QueueFullException;
import org.tidemark.sensors.ingest.StoreUnavailableException;

/**
 * The one exception policy of the sensor API: RFC 9457 {@code application/problem+json}; 4xx explain,
 * 5xx hide details and log them under a correlation id; overload answers 503 with {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = {SensorController.class, LiveController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 100)   // before the app's catch-all advice, for these controllers only
public class SensorProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(SensorProblemHandler.class);
    private static final int MAX_LISTED = 50;

    @ExceptionHandler(IngestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(IngestRejectedException e) {
        HttpStatus status = e.onlyUnknownStations() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
        ProblemDetail p = problem(status, "invalid-observations", "Invalid observations",
                e.rejections().size() + " observation(s) refused; nothing was stored. First: index "
                        + e.rejections().get(0).index() + ": " + e.rejections().get(0).detail());
        p.setProperty("index", e.rejections().get(0).index());
        List<Map<String, Object>> errors = e.rejections().stream().limit(MAX_LISTED)
                .map(r -> Map.<String, Object>of("index", r.index(), "reason", r.reason().name(), "detail", r.detail()))
                .toList();
        p.setProperty("errors", errors);
        return respond(p, null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Payload too large", e.getMessage()), null);
    }

    @ExceptionHandler(QueueFullException.class)
    ResponseEntity<ProblemDetail> queueFull(QueueFullException e) {
        if (e.storeDown()) {
            return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                    "the observation store is unavailable; nothing was stored, retry later"), "2");
        }
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Ingest queue full",
                "the ingest queue is full; retry later"), "1");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeDown(StoreUnavailableException e) {
        log.warn("ingest refused: {}", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                "the observation store is unavailable; nothing was stored, retry later"), "2");
    }

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<ProblemDetail> service(GeoServiceException e) {
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
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("sensor API unavailable: {}", e.getMessage());
            return respond(problem(status, "unavailable", "Service unavailable", e.getMessage()), "5");
        }
        if (status.is5xxServerError()) return internal(e, status);
        ProblemDetail p = problem(status, e.code(), e.code(), e.getMessage());
        if (e.locator() != null) p.setProperty("locator", e.locator());
        return respond(p, status == HttpStatus.SERVICE_UNAVAILABLE ? "5" : null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badArgument(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "InvalidParameterValue", "Invalid parameter",
                "invalid value for " + e.getName());
        p.setProperty("locator", e.getName());
        return respond(p, null);
    }

    /** The client went away (typically a closed live stream): nothing to answer, nothing to report. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            ProblemDetail p = known.getBody();   // Spring's own 4xx (unsupported media type, bad method...)
            return respond(p, null);
        }
        return internal(e, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private ResponseEntity<ProblemDetail> internal(Exception e, HttpStatus status) {
        String id = UUID.randomUUID().toString();
        log.error("sensor API error {}", id, e);
        ProblemDetail p = problem(status, "internal", status.getReasonPhrase(), "internal error; reference " + id);
        p.setProperty("correlationId", id);
        return respond(p, status == HttpStatus.SERVICE_UNAVAILABLE ? "5" : null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:tidemark:sensors:" + type));
        p.setTitle(title);
        return p;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p, String retryAfter) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) b.header(HttpHeaders.RETRY_AFTER, retryAfter);
        return b.body(p);
    }
}
