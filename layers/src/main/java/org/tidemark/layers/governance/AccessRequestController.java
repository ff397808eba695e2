package org.tidemark.layers.governance;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.AccessRequest;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.filter.Filter;

/**
 * The access-request workflow and grants: a consumer files a request (resource, purpose, fields, area,
 * duration); the provider's steward approves — possibly narrowing fields, rows, area and duration —
 * or denies with a reason; grants can be issued directly and revoked. Every decision is audited.
 */
@RestController
public class AccessRequestController {
    /** A request as filed by a consumer. */
    record NewRequest(String layer, String purpose, Set<String> fields, String area, Integer days) {}

    /** A steward's approval; absent values keep what was requested. */
    record Approval(Set<String> fields, String rowFilter, String area, Integer days, Boolean write) {}

    record Denial(String reason) {}

    /** A grant issued directly by a steward. */
    record NewGrant(String layer, String grantee, Set<String> fields, String rowFilter, String area, Integer days, Boolean write) {}

    private final LayerCatalog catalog;
    private final GrantStore store;
    private final AuditLog audit;
    private final Function<String, Filter> rowFilterParser;
    private final Clock clock;

    public AccessRequestController(LayerCatalog catalog, GrantStore store, AuditLog audit,
                                   Function<String, Filter> rowFilterParser, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.audit = audit;
        this.rowFilterParser = rowFilterParser;
        this.clock = clock;
    }

    @PostMapping("/api/access-requests")
    ResponseEntity<AccessRequest> file(@RequestBody NewRequest body, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        if (body == null || body.layer() == null) throw GeoServiceException.missing("layer");
        Layer layer = layer(body.layer());
        if (body.purpose() == null || body.purpose().isBlank()) throw GeoServiceException.missing("purpose");
        if (body.purpose().length() > 2000) throw GeoServiceException.invalid("purpose", "purpose is longer than 2000 characters");
        checkFields(layer, body.fields());
        checkArea(body.area());
        int days = body.days() == null ? 0 : body.days();
        if (days < 0 || days > 3650) throw GeoServiceException.invalid("days", "days must be between 0 and 3650");
        boolean pending = store.requests().stream().anyMatch(r -> r.layer().equals(layer.name())
                && r.requester().equals(caller.id()) && r.status() == AccessRequest.Status.PENDING);
        if (pending) throw Problems.conflict("You already have a pending request for " + layer.name());
        AccessRequest saved = store.save(new AccessRequest(null, layer.name(), caller.id(), caller.department(),
                body.purpose(), body.fields(), body.area(), days, AccessRequest.Status.PENDING, null, null, null,
                clock.instant(), null));
        audit(caller, "ACCESS-REQUEST file", layer.name(), "request " + saved.id() + ": " + body.purpose(), "filed");
        return ResponseEntity.status(HttpStatus.CREATED).body(saved);
    }

    /** The caller's own requests, plus those on layers the caller stewards. */
    @GetMapping("/api/access-requests")
    List<AccessRequest> list(HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        return store.requests().stream().filter(r -> r.requester().equals(caller.id())
                || catalog.layer(r.layer()).map(l -> Callers.stewardOf(caller, l)).orElse(false)).toList();
    }

    @GetMapping("/api/access-requests/{id}")
    AccessRequest one(@PathVariable String id, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        AccessRequest r = request(id);
        if (!r.requester().equals(caller.id()) && !Callers.stewardOf(caller, layer(r.layer()))) {
            throw GeoServiceException.notFound("id", "No access request " + id);
        }
        return r;
    }

    @PostMapping("/api/access-requests/{id}/approve")
    AccessRequest approve(@PathVariable String id, @RequestBody(required = false) Approval body, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        AccessRequest r = pendingFor(id, caller);
        Layer layer = layer(r.layer());
        Approval a = body == null ? new Approval(null, null, null, null, null) : body;
        Set<String> fields = a.fields() != null ? a.fields() : r.wantedAttributes();
        checkFields(layer, fields);
        checkRowFilter(a.rowFilter());
        String area = a.area() != null ? a.area() : r.area();
        checkArea(area);
        int days = a.days() != null ? a.days() : r.days();
        if (days < 0 || days > 3650) throw GeoServiceException.invalid("days", "days must be between 0 and 3650");
        Instant now = clock.instant();
        Grant grant = store.save(new Grant(null, layer.name(), r.requester(), fields, blankToNull(a.rowFilter()), area,
                Boolean.TRUE.equals(a.write()), days == 0 ? null : now.plus(Duration.ofDays(days)), null, caller.id(), now));
        AccessRequest decided = store.save(r.decided(AccessRequest.Status.APPROVED, caller.id(), null, grant.id(), now));
        audit(caller, "ACCESS-REQUEST approve", layer.name(), "request " + id + " → grant " + grant.id() + " for "
                + r.requester() + " fields=" + fields + " rows=" + a.rowFilter() + " days=" + days, "approved");
        return decided;
    }

    @PostMapping("/api/access-requests/{id}/deny")
    AccessRequest deny(@PathVariable String id, @RequestBody Denial body, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        AccessRequest r = pendingFor(id, caller);
        if (body == null || body.reason() == null || body.reason().isBlank()) throw GeoServiceException.missing("reason");
        AccessRequest decided = store.save(r.decided(AccessRequest.Status.DENIED, caller.id(), body.reason(), null, clock.instant()));
        audit(caller, "ACCESS-REQUEST deny", r.layer(), "request " + id + ": " + body.reason(), "denied");
        return decided;
    }

    @PostMapping("/api/access-requests/{id}/withdraw")
    AccessRequest withdraw(@PathVariable String id, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        AccessRequest r = request(id);
        if (!r.requester().equals(caller.id())) throw GeoServiceException.notFound("id", "No access request " + id);
        if (r.status() != AccessRequest.Status.PENDING) throw Problems.conflict("Request " + id + " is already " + r.status());
        AccessRequest decided = store.save(r.decided(AccessRequest.Status.WITHDRAWN, caller.id(), null, null, clock.instant()));
        audit(caller, "ACCESS-REQUEST withdraw", r.layer(), "request " + id, "withdrawn");
        return decided;
    }

    /** Grants on layers the caller stewards, and grants held by the caller or the caller's department. */
    @GetMapping("/api/grants")
    List<Grant> grants(HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        return store.allGrants().stream().filter(g -> g.appliesTo(caller)
                || catalog.layer(g.layer()).map(l -> Callers.stewardOf(caller, l)).orElse(false)).toList();
    }

    @PostMapping("/api/grants")
    ResponseEntity<Grant> grant(@RequestBody NewGrant body, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        if (body == null || body.layer() == null) throw GeoServiceException.missing("layer");
        if (body.grantee() == null || body.grantee().isBlank()) throw GeoServiceException.missing("grantee");
        Layer layer = layer(body.layer());
        if (!Callers.stewardOf(caller, layer)) throw GeoServiceException.forbidden("layer", "Only the provider's data steward may grant access to " + layer.name());
        checkFields(layer, body.fields());
        checkRowFilter(body.rowFilter());
        checkArea(body.area());
        int days = body.days() == null ? 0 : body.days();
        if (days < 0 || days > 3650) throw GeoServiceException.invalid("days", "days must be between 0 and 3650");
        Instant now = clock.instant();
        Grant g = store.save(new Grant(null, layer.name(), body.grantee(), body.fields(), blankToNull(body.rowFilter()),
                body.area(), Boolean.TRUE.equals(body.write()), days == 0 ? null : now.plus(Duration.ofDays(days)), null, caller.id(), now));
        audit(caller, "GRANT issue", layer.name(), "grant " + g.id() + " to " + g.grantee() + " fields=" + g.attributes()
                + " rows=" + g.rowFilter() + " area=" + (g.area() != null), "granted");
        return ResponseEntity.status(HttpStatus.CREATED).body(g);
    }

    @PostMapping("/api/grants/{id}/revoke")
    Grant revoke(@PathVariable String id, HttpServletRequest http) {
        Principal caller = Callers.signedIn(http);
        Grant g = store.grant(id).orElseThrow(() -> GeoServiceException.notFound("id", "No grant " + id));
        if (!Callers.stewardOf(caller, layer(g.layer()))) throw GeoServiceException.forbidden("id", "Only the provider's data steward may revoke this grant");
        if (g.revokedAt() != null) return g;
        Grant revoked = store.save(g.revoked(clock.instant()));
        audit(caller, "GRANT revoke", g.layer(), "grant " + id + " of " + g.grantee(), "revoked");
        return revoked;
    }

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<Map<String, Object>> error(GeoServiceException e) { return Problems.of(e); }

    private AccessRequest pendingFor(String id, Principal caller) {
        AccessRequest r = request(id);
        if (!Callers.stewardOf(caller, layer(r.layer()))) {
            throw GeoServiceException.forbidden("id", "Only the provider's data steward may decide this request");
        }
        if (r.status() != AccessRequest.Status.PENDING) throw Problems.conflict("Request " + id + " is already " + r.status());
        return r;
    }

    private AccessRequest request(String id) {
        return store.request(id).orElseThrow(() -> GeoServiceException.notFound("id", "No access request " + id));
    }

    private Layer layer(String name) {
        return catalog.layer(name).orElseThrow(() -> GeoServiceException.notFound("layer", "No resource " + name));
    }

    private static void checkFields(Layer layer, Set<String> fields) {
        if (fields == null) return;
        for (String f : fields) {
            if (layer.type().attribute(f).isEmpty()) throw GeoServiceException.invalid("fields", "Unknown field " + f + " of " + layer.name());
        }
    }

    private void checkRowFilter(String rowFilter) {
        if (rowFilter == null || rowFilter.isBlank()) return;
        if (rowFilter.length() > 8000) throw GeoServiceException.invalid("rowFilter", "row filter too long");
        rowFilterParser.apply(rowFilter); // throws GeoServiceException.invalid with the position
    }

    private static void checkArea(String wkt) {
        if (wkt == null || wkt.isBlank()) return;
        if (wkt.length() > 1_000_000) throw GeoServiceException.invalid("area", "area too large");
        try {
            var g = new org.locationtech.jts.io.WKTReader().read(wkt);
            if (!(g instanceof org.locationtech.jts.geom.Polygonal) || !g.isValid()) {
                throw GeoServiceException.invalid("area", "area must be a valid (multi)polygon in lon/lat WKT");
            }
        } catch (org.locationtech.jts.io.ParseException e) {
            throw GeoServiceException.invalid("area", "area is not WKT: " + e.getMessage());
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    private void audit(Principal who, String action, String resource, String detail, String outcome) {
        audit.append(AuditEvent.of(clock.instant(), who, action, resource, detail, -1, outcome));
    }
}
