package org.tidemark.layers.governance;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;

/**
 * The audit trail for supervisors ({@code /api/audit}): query by user, department, resource and time,
 * and verify the hash chain. Supervisors (admin/auditor) see everything; a steward sees the entries of
 * their own department's users.
 */
@RestController
public class AuditController {
    private final AuditLog audit;

    public AuditController(AuditLog audit) { this.audit = audit; }

    @GetMapping("/api/audit")
    List<AuditEvent> query(@RequestParam(required = false) String user, @RequestParam(required = false) String department,
                           @RequestParam(required = false) String resource, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "100") int limit, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        if (!Callers.supervisor(caller)) {
            if (!caller.hasRole("steward")) throw GeoServiceException.forbidden(null, "Only supervisors and data stewards read the audit trail");
            if (department != null && !department.equals(caller.department())) {
                throw GeoServiceException.forbidden("department", "Stewards see their own department's entries only");
            }
            department = caller.department();
        }
        if (limit < 1 || limit > 1000) throw GeoServiceException.invalid("limit", "limit must be between 1 and 1000");
        return audit.query(user, department, resource, instant("from", from), instant("to", to), Math.max(0, offset), limit);
    }

    @GetMapping("/api/audit/verify")
    Map<String, Object> verify(HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        if (!Callers.supervisor(caller)) throw GeoServiceException.forbidden(null, "Only supervisors verify the audit chain");
        long broken = audit.verify();
        return broken < 0 ? Map.of("intact", true) : Map.of("intact", false, "firstBrokenEntry", broken);
    }

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<Map<String, Object>> error(GeoServiceException e) { return Problems.of(e); }

    private static Instant instant(String name, String value) {
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw GeoServiceException.invalid(name, name + " must be an RFC 3339 timestamp such as 2026-07-01T00:00:00Z");
        }
    }
}
