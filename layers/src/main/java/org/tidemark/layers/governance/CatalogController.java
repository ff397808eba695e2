package org.tidemark.layers.governance;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.AccessRequest;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;

/**
 * The resource catalog ({@code /api/catalog}): every published resource as an OGC API – Records
 * style record (a GeoJSON feature whose geometry is the extent; OGC 20-004 §8 record core properties),
 * with the provider, bilingual titles and abstracts, fields and their meaning, update frequency,
 * contact, the services that expose it and whether the caller has access.
 *
 * <p>Metadata is discoverable by every caller — that is what lets a consumer find data and apply for it —
 * but data is not: for a resource the caller may not read, the record carries no extent and no service
 * links, only what is needed to file an access request.
 */
@RestController
public class CatalogController {
    private final LayerCatalog catalog;
    private final AccessPolicy policy;
    private final GrantStore grants;

    public CatalogController(LayerCatalog catalog, AccessPolicy policy, GrantStore grants) {
        this.catalog = catalog;
        this.policy = policy;
        this.grants = grants;
    }

    @GetMapping(value = "/api/catalog", produces = {"application/geo+json", "application/json"})
    Map<String, Object> search(@RequestParam(required = false) String q, @RequestParam(required = false) String department,
                               @RequestParam(required = false) String kind, @RequestParam(required = false) String bbox,
                               @RequestParam(required = false) String frequency,
                               @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                               HttpServletRequest request) {
        if (offset < 0) throw GeoServiceException.invalid("offset", "offset must be ≥ 0");
        if (limit < 1 || limit > 1000) throw GeoServiceException.invalid("limit", "limit must be between 1 and 1000");
        Envelope box = bbox == null ? null : parseBbox(bbox);
        if (kind != null && !kind.equals("live") && !kind.equals("vector")) {
            throw GeoServiceException.invalid("kind", "kind must be 'vector' or 'live'");
        }
        Principal caller = Callers.of(request);
        Map<String, String> pending = pendingRequests(caller);
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Layer layer : catalog.layers()) {
            if (department != null && (layer.department() == null || !layer.department().code().equals(department))) continue;
            if (kind != null && layer.live() != kind.equals("live")) continue;
            if (frequency != null && !frequency.equalsIgnoreCase(layer.updateFrequency())) continue;
            if (q != null && !matches(layer, q)) continue;
            AccessDecision access = policy.decide(caller, layer.name());
            Envelope extent = access.visible() ? extent(layer) : null;
            if (box != null && (extent == null || !extent.intersects(box))) continue;
            matched.add(record(layer, access, extent, caller, pending, request));
        }
        List<Map<String, Object>> page = matched.subList(Math.min(offset, matched.size()), Math.min(offset + limit, matched.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("numberMatched", matched.size());
        body.put("numberReturned", page.size());
        body.put("features", page);
        List<Map<String, String>> links = new ArrayList<>();
        String base = request.getRequestURL().toString();
        links.add(link("self", base + (request.getQueryString() == null ? "" : "?" + request.getQueryString())));
        if (offset + limit < matched.size()) links.add(link("next", base + "?" + pageQuery(request, offset + limit, limit)));
        if (offset > 0) links.add(link("prev", base + "?" + pageQuery(request, Math.max(0, offset - limit), limit)));
        body.put("links", links);
        return body;
    }

    @GetMapping(value = "/api/catalog/{id}", produces = {"application/geo+json", "application/json"})
    Map<String, Object> one(@PathVariable String id, HttpServletRequest request) {
        Layer layer = catalog.layer(id).orElseThrow(() -> GeoServiceException.notFound("id", "No resource " + id));
        Principal caller = Callers.of(request);
        AccessDecision access = policy.decide(caller, id);
        return record(layer, access, access.visible() ? extent(layer) : null, caller, pendingRequests(caller), request);
    }

    @ExceptionHandler(GeoServiceException.class)
    ResponseEntity<Map<String, Object>> error(GeoServiceException e) { return Problems.of(e); }

    /** The caller's pending access requests by layer (read once per catalog request). */
    private Map<String, String> pendingRequests(Principal caller) {
        Map<String, String> pending = new java.util.HashMap<>();
        if (caller.isAnonymous()) return pending;
        for (AccessRequest r : grants.requests()) {
            if (r.requester().equals(caller.id()) && r.status() == AccessRequest.Status.PENDING) pending.putIfAbsent(r.layer(), r.id());
        }
        return pending;
    }

    private Map<String, Object> record(Layer layer, AccessDecision access, Envelope extent, Principal caller,
                                       Map<String, String> pending, HttpServletRequest request) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("type", "dataset");
        props.put("title", layer.title().zh());
        props.put("title_en", layer.title().en());
        props.put("description", layer.type().description().zh());
        props.put("description_en", layer.type().description().en());
        props.put("keywords", layer.keywords());
        if (layer.department() != null) {
            props.put("provider", Map.of("code", layer.department().code(), "name", layer.department().name().zh(),
                    "name_en", layer.department().name().en()));
        }
        props.put("kind", layer.live() ? "live" : "vector");
        props.put("updateFrequency", layer.updateFrequency());
        props.put("contact", layer.contact());
        props.put("public", layer.isPublic());
        props.put("geometryType", layer.type().geometryKind().simpleFeaturesName());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Attribute a : layer.type().attributes()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", a.name());
            f.put("type", a.type().xsdType());
            f.put("title", a.title().zh());
            f.put("title_en", a.title().en());
            f.put("visible", access.visible() && access.attributeVisible(a.name()));
            fields.add(f);
        }
        props.put("fields", fields);
        props.put("access", accessState(layer, access, caller));
        if (pending.containsKey(layer.name())) props.put("pendingRequest", pending.get(layer.name()));
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("type", "Feature");
        rec.put("id", layer.name());
        rec.put("geometry", extent == null ? null : polygon(extent));
        rec.put("properties", props);
        List<Map<String, String>> links = new ArrayList<>();
        String root = request.getRequestURL().toString().replaceFirst("/api/catalog.*$", "");
        links.add(link("self", root + "/api/catalog/" + layer.name()));
        if (access.visible()) {
            links.add(link("items", root + "/ogc/collections/" + layer.name() + "/items"));
            links.add(link("ogc-wfs", root + "/wfs?SERVICE=WFS&REQUEST=GetCapabilities"));
            links.add(link("ogc-wms", root + "/wms?SERVICE=WMS&REQUEST=GetCapabilities"));
            links.add(link("legend", root + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=" + layer.name()));
            links.add(link("tiles", root + "/ogc/collections/" + layer.name() + "/tiles/WebMercatorQuad/{z}/{y}/{x}"));
        }
        rec.put("links", links);
        return rec;
    }

    private static String accessState(Layer layer, AccessDecision access, Principal caller) {
        if (!access.visible()) return "none";
        if (layer.department() != null && layer.department().code().equals(caller.department())) return "own";
        if (layer.isPublic()) return "public";
        return access.attributes() == null && access.rowFilter() instanceof org.tidemark.core.filter.Filter.Include
                ? "granted" : "granted-partial";
    }

    private Envelope extent(Layer layer) {
        try {
            return catalog.source(layer.name()).map(s -> s.extent()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean matches(Layer layer, String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        return layer.name().toLowerCase(Locale.ROOT).contains(needle)
                || layer.title().zh().contains(q) || layer.title().en().toLowerCase(Locale.ROOT).contains(needle)
                || layer.type().description().zh().contains(q)
                || layer.type().description().en().toLowerCase(Locale.ROOT).contains(needle)
                || layer.keywords().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains(needle));
    }

    static Envelope parseBbox(String bbox) {
        String[] p = bbox.split(",");
        if (p.length != 4) throw GeoServiceException.invalid("bbox", "bbox must be minLon,minLat,maxLon,maxLat");
        try {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = Double.parseDouble(p[i].trim());
            if (v[0] > v[2] || v[1] > v[3]) throw GeoServiceException.invalid("bbox", "bbox corners are inverted");
            return new Envelope(v[0], v[2], v[1], v[3]);
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid("bbox", "bbox must contain four numbers");
        }
    }

    private static Map<String, Object> polygon(Envelope e) {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(e.getMinX(), e.getMinY()), List.of(e.getMaxX(), e.getMinY()), List.of(e.getMaxX(), e.getMaxY()),
                List.of(e.getMinX(), e.getMaxY()), List.of(e.getMinX(), e.getMinY()))));
    }

    private static Map<String, String> link(String rel, String href) {
        return Map.of("rel", rel, "href", href, "type", rel.equals("legend") ? "image/png" : "application/json");
    }

    private static String pageQuery(HttpServletRequest request, int offset, int limit) {
        StringBuilder b = new StringBuilder();
        request.getParameterMap().forEach((k, vs) -> {
            if (k.equals("offset") || k.equals("limit")) return;
            for (String v : vs) b.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        });
        return b.append("offset=").append(offset).append("&limit=").append(limit).toString();
    }
}
