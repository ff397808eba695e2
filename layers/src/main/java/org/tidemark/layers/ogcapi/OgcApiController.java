package org.tidemark.layers.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.layers.geojson.GeoJsonWriter;
import org.tidemark.layers.web.BaseUrls;
import org.tidemark.layers.web.Callers;
import org.tidemark.layers.web.FeatureServiceSettings;
import org.tidemark.layers.web.GatedCatalog;
import org.tidemark.layers.web.GatedLayer;
import tools.jackson.core.JsonGenerator;

/**
 * OGC API – Features (OGC 17-069r4 Part 1 Core, 18-058r1 Part 2 CRS by reference, 19-079r2 Part 3 Filtering)
 * under {@code /ogc}: landing page, conformance, OpenAPI 3.0 definition, collections (one per layer the caller
 * may see), items with paging links and numberMatched, single items, and queryables. Errors are
 * {@code application/problem+json}; unknown query parameters are 400.
 */
@RestController
public class OgcApiController {
    private static final Logger LOG = LoggerFactory.getLogger(OgcApiController.class);
    static final String GEOJSON = "application/geo+json";
    private final GatedCatalog catalog;
    private final FeatureServiceSettings settings;

    public OgcApiController(GatedCatalog catalog, FeatureServiceSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** CORS for browser clients on every OGC API response (including errors). */
    @org.springframework.web.bind.annotation.ModelAttribute
    void cors(HttpServletResponse res) {
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.setHeader("Access-Control-Expose-Headers", "Content-Crs");
    }

    @GetMapping({"/ogc", "/ogc/"})
    public void landing(HttpServletRequest req, HttpServletResponse res) throws IOException {
        only(req, Set.of());
        String base = base(req);
        Locale locale = req.getLocale();
        if (OgcFormat.of(req) == OgcFormat.HTML) {
            Html.page(res, settings.title().in(locale), out -> {
                out.p(settings.abstractText().in(locale));
                out.link(base + "/collections?f=html", "Collections");
                out.link(base + "/conformance?f=html", "Conformance");
                out.link(base + "/api", "API definition (OpenAPI 3.0)");
            });
            return;
        }
        json(res, "application/json", g -> {
            g.writeStartObject();
            g.writeStringProperty("title", settings.title().in(locale));
            g.writeStringProperty("description", settings.abstractText().in(locale));
            g.writeArrayPropertyStart("links");
            link(g, base, "self", "application/json", "This document");
            link(g, base + "?f=html", "alternate", "text/html", "This document as HTML");
            link(g, base + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition");
            link(g, base + "/conformance", "conformance", "application/json", "Conformance classes");
            link(g, base + "/collections", "data", "application/json", "Collections");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @GetMapping("/ogc/conformance")
    public void conformance(HttpServletRequest req, HttpServletResponse res) throws IOException {
        only(req, Set.of());
        if (OgcFormat.of(req) == OgcFormat.HTML) {
            Html.page(res, "Conformance", out -> {
                for (String c : Conformance.CLASSES) out.li(c);
            });
            return;
        }
        json(res, "application/json", g -> {
            g.writeStartObject();
            g.writeArrayPropertyStart("conformsTo");
            for (String c : Conformance.CLASSES) g.writeString(c);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @GetMapping("/ogc/api")
    public void api(HttpServletRequest req, HttpServletResponse res) throws IOException {
        only(req, Set.of());
        List<GatedLayer> layers = catalog.visible(Callers.of(req));
        json(res, "application/vnd.oai.openapi+json;version=3.0", g -> OpenApiWriter.write(g, base(req), settings, layers, req.getLocale()));
    }

    @GetMapping("/ogc/collections")
    public void collections(HttpServletRequest req, HttpServletResponse res) throws IOException {
        only(req, Set.of());
        String base = base(req);
        List<GatedLayer> layers = catalog.visible(Callers.of(req));
        Locale locale = req.getLocale();
        if (OgcFormat.of(req) == OgcFormat.HTML) {
            Html.page(res, "Collections", out -> {
                for (GatedLayer l : layers) out.link(base + "/collections/" + l.name() + "?f=html", l.type().title().in(locale) + " (" + l.name() + ")");
            });
            return;
        }
        json(res, "application/json", g -> {
            g.writeStartObject();
            g.writeArrayPropertyStart("links");
            link(g, base + "/collections", "self", "application/json", "This document");
            link(g, base + "/collections?f=html", "alternate", "text/html", "This document as HTML");
            g.writeEndArray();
            g.writeArrayPropertyStart("collections");
            for (GatedLayer l : layers) collection(g, base, l, locale);
            g.writeEndArray();
            g.writeArrayPropertyStart("crs");
            for (String c : ItemsRequest.crsList()) g.writeString(c);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @GetMapping("/ogc/collections/{collectionId}")
    public void collection(@PathVariable String collectionId, HttpServletRequest req, HttpServletResponse res) throws IOException {
        only(req, Set.of());
        GatedLayer l = layer(req, collectionId);
        String base = base(req);
        Locale locale = req.getLocale();
        if (OgcFormat.of(req) == OgcFormat.HTML) {
            Html.page(res, l.type().title().in(locale), out -> {
                out.p(l.type().description().in(locale));
                out.link(base + "/collections/" + l.name() + "/items?f=html", "Items");
                out.link(base + "/collections/" + l.name() + "/queryables", "Queryables");
            });
            return;
        }
        json(res, "application/json", g -> collection(g, base, l, locale));
    }

    @GetMapping("/ogc/collections/{collectionId}/queryables")
    public void queryables(@PathVariable String collectionId, HttpServletRequest req, HttpServletResponse res) throws IOException {
        only(req, Set.of());
        GatedLayer l = layer(req, collectionId);
        String base = base(req);
        Locale locale = req.getLocale();
        json(res, "application/schema+json", g -> {
            FeatureType t = l.type();
            g.writeStartObject();
            g.writeStringProperty("$schema", "https://json-schema.org/draft/2020-12/schema");
            g.writeStringProperty("$id", base + "/collections/" + t.name() + "/queryables");
            g.writeStringProperty("type", "object");
            g.writeStringProperty("title", t.title().in(locale));
            g.writeObjectPropertyStart("properties");
            g.writeObjectPropertyStart(t.geometryName());
            g.writeStringProperty("title", "geometry");
            g.writeStringProperty("format", "geometry-" + t.geometryKind().simpleFeaturesName().toLowerCase(Locale.ROOT)
                    .replace("linestring", "linestring").replace("geometry", "any"));
            g.writeEndObject();
            for (Attribute a : t.attributes()) {
                g.writeObjectPropertyStart(a.name());
                g.writeStringProperty("title", a.title().in(locale));
                switch (a.type()) {
                    case STRING -> g.writeStringProperty("type", "string");
                    case INTEGER, LONG -> g.writeStringProperty("type", "integer");
                    case DOUBLE -> g.writeStringProperty("type", "number");
                    case BOOLEAN -> g.writeStringProperty("type", "boolean");
                    case DATE -> { g.writeStringProperty("type", "string"); g.writeStringProperty("format", "date"); }
                    case DATETIME -> { g.writeStringProperty("type", "string"); g.writeStringProperty("format", "date-time"); }
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeBooleanProperty("additionalProperties", false);
            g.writeEndObject();
        });
    }

    @GetMapping("/ogc/collections/{collectionId}/items")
    public void items(@PathVariable String collectionId, HttpServletRequest req, HttpServletResponse res) throws IOException {
        GatedLayer l = layer(req, collectionId);
        OgcFormat format = OgcFormat.of(req);
        ItemsRequest ir = ItemsRequest.parse(req.getParameterMap(), l.type(), settings.defaultPageSize(), settings.maxPageSize());
        String base = base(req);
        String self = base + "/collections/" + l.name() + "/items";
        if (format == OgcFormat.HTML) {
            long matched = l.count(ir.query());
            try (FeatureCursor cursor = l.query(ir.query())) {
                Html.page(res, l.type().title().in(req.getLocale()), out -> {
                    out.p(matched + " features");
                    out.table(l.type(), ir.properties(), cursor, ir.limit());
                });
            }
            return;
        }
        try (FeatureCursor cursor = l.query(ir.query())) {
            res.setHeader("Content-Crs", "<" + ir.crs().uri() + ">");
            json(res, GEOJSON, g -> {
                g.writeStartObject();
                g.writeStringProperty("type", "FeatureCollection");
                g.writeArrayPropertyStart("features");
                long n = 0;
                while (cursor.hasNext() && n < ir.limit()) {
                    Feature f = cursor.next();
                    GeoJsonWriter.writeFeature(g, f.id(), f, ir.properties(), ir.crs().fromInternal(f.geometry()), true, ir.crs().swap());
                    n++;
                }
                g.writeEndArray();
                // a page that is not full tells the total itself; otherwise count, with this page's cursor closed
                // first so that one request never holds two pooled connections
                long matched;
                if (n < ir.limit() && (n > 0 || ir.offset() == 0)) {
                    matched = ir.offset() + n;
                } else {
                    cursor.close();
                    matched = l.count(ir.query());
                }
                g.writeNumberProperty("numberMatched", matched);
                g.writeNumberProperty("numberReturned", n);
                g.writeStringProperty("timeStamp", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                g.writeArrayPropertyStart("links");
                link(g, self + query(req, null), "self", GEOJSON, "This page");
                link(g, self + query(req, "html"), "alternate", "text/html", "This page as HTML");
                if (ir.offset() + ir.limit() < matched) link(g, self + paged(req, ir.offset() + ir.limit(), ir.limit()), "next", GEOJSON, "Next page");
                if (ir.offset() > 0) link(g, self + paged(req, Math.max(0, ir.offset() - ir.limit()), ir.limit()), "prev", GEOJSON, "Previous page");
                link(g, base + "/collections/" + l.name(), "collection", "application/json", "The collection");
                g.writeEndArray();
                g.writeEndObject();
            });
        }
    }

    @GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
    public void item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest req,
                     HttpServletResponse res) throws IOException {
        only(req, Set.of("crs"));
        GatedLayer l = layer(req, collectionId);
        OgcFormat format = OgcFormat.of(req);
        var crs = ItemsRequest.crs(req.getParameter("crs"), "crs");
        FeatureQuery q = new FeatureQuery(l.name(), new Filter.ResourceId(Set.of(featureId)), null, null, List.of(), 0, 1);
        Feature f;
        try (FeatureCursor c = l.query(q)) {
            if (!c.hasNext()) throw GeoServiceException.notFound("featureId", "No feature " + featureId + " in " + l.name());
            f = c.next();
        }
        String base = base(req);
        String self = base + "/collections/" + l.name() + "/items/" + URLEncoder.encode(f.id(), StandardCharsets.UTF_8).replace("+", "%20");
        if (format == OgcFormat.HTML) {
            Feature feature = f;
            Html.page(res, l.type().title().in(req.getLocale()) + " " + f.id(),
                    out -> out.table(l.type(), l.type().attributeNames(), org.tidemark.core.source.FeatureCursor.of(List.of(feature).iterator()), 1));
            return;
        }
        res.setHeader("Content-Crs", "<" + crs.uri() + ">");
        json(res, GEOJSON, g -> {
            GeoJsonWriterWithLinks.write(g, f, l.type().attributeNames(), crs.fromInternal(f.geometry()), crs.swap(), List.of(
                    new String[]{self, "self", GEOJSON}, new String[]{base + "/collections/" + l.name(), "collection", "application/json"}));
        });
    }

    @ExceptionHandler(GeoServiceException.class)
    public void error(GeoServiceException e, HttpServletResponse res) throws IOException {
        ProblemWriter.write(res, e);
    }

    @ExceptionHandler(RuntimeException.class)
    public void failure(RuntimeException e, HttpServletResponse res) throws IOException {
        String id = UUID.randomUUID().toString();
        LOG.error("OGC API request failed [{}]", id, e);
        ProblemWriter.write(res, 500, "Internal Server Error", "Reference " + id);
    }

    private void collection(JsonGenerator g, String base, GatedLayer l, Locale locale) {
        FeatureType t = l.type();
        String self = base + "/collections/" + t.name();
        g.writeStartObject();
        g.writeStringProperty("id", t.name());
        g.writeStringProperty("title", t.title().in(locale));
        if (!t.description().in(locale).isBlank()) g.writeStringProperty("description", t.description().in(locale));
        g.writeStringProperty("itemType", "feature");
        if (!l.layer().keywords().isEmpty()) {
            g.writeArrayPropertyStart("keywords");
            for (String k : l.layer().keywords()) g.writeString(k);
            g.writeEndArray();
        }
        g.writeArrayPropertyStart("links");
        link(g, self, "self", "application/json", "This collection");
        link(g, self + "?f=html", "alternate", "text/html", "This collection as HTML");
        link(g, self + "/items", "items", GEOJSON, "Features");
        link(g, self + "/items?f=html", "items", "text/html", "Features as HTML");
        link(g, self + "/queryables", "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json", "Queryables");
        g.writeEndArray();
        Envelope e = l.extent();
        g.writeObjectPropertyStart("extent");
        g.writeObjectPropertyStart("spatial");
        g.writeArrayPropertyStart("bbox");
        g.writeStartArray();
        if (e != null) {
            g.writeNumber(e.getMinX());
            g.writeNumber(e.getMinY());
            g.writeNumber(e.getMaxX());
            g.writeNumber(e.getMaxY());
        } else {
            g.writeNumber(-180); g.writeNumber(-90); g.writeNumber(180); g.writeNumber(90);
        }
        g.writeEndArray();
        g.writeEndArray();
        g.writeStringProperty("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        g.writeEndObject();
        if (t.hasTime()) {
            g.writeObjectPropertyStart("temporal");
            g.writeArrayPropertyStart("interval");
            g.writeStartArray();
            g.writeNull();
            g.writeNull();
            g.writeEndArray();
            g.writeEndArray();
            g.writeStringProperty("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayPropertyStart("crs");
        for (String c : ItemsRequest.crsList()) g.writeString(c);
        g.writeEndArray();
        g.writeStringProperty("storageCrs", "http://www.opengis.net/def/crs/EPSG/0/" + t.storageSrid());
        g.writeEndObject();
    }

    private GatedLayer layer(HttpServletRequest req, String id) {
        Principal p = Callers.of(req);
        return catalog.find(p, id).orElseThrow(() -> GeoServiceException.notFound("collectionId", "No collection " + id));
    }

    /** Part 1 /req/core/query-param-unknown: only f (and auth tokens) plus the listed parameters. */
    private static void only(HttpServletRequest req, Set<String> allowed) {
        for (String name : req.getParameterMap().keySet()) {
            if (!ItemsRequest.COMMON.contains(name) && !allowed.contains(name)) {
                throw GeoServiceException.invalid(name, "Unknown query parameter: " + name);
            }
        }
    }

    private String base(HttpServletRequest req) { return BaseUrls.of(req, settings) + "/ogc"; }

    private static String query(HttpServletRequest req, String f) {
        Map<String, String> p = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> { if (!k.equals("f")) p.put(k, v[0]); });
        if (f != null) p.put("f", f);
        return encode(p);
    }

    private static String paged(HttpServletRequest req, long offset, int limit) {
        Map<String, String> p = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> { if (!k.equals("offset") && !k.equals("limit")) p.put(k, v[0]); });
        p.put("offset", Long.toString(offset));
        p.put("limit", Integer.toString(limit));
        return encode(p);
    }

    private static String encode(Map<String, String> p) {
        if (p.isEmpty()) return "";
        return "?" + p.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    static void link(JsonGenerator g, String href, String rel, String type, String title) {
        g.writeStartObject();
        g.writeStringProperty("href", href);
        g.writeStringProperty("rel", rel);
        g.writeStringProperty("type", type);
        if (title != null) g.writeStringProperty("title", title);
        g.writeEndObject();
    }

    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void json(HttpServletResponse res, String contentType, JsonBody body) throws IOException {
        res.setContentType(contentType);
        res.setCharacterEncoding("UTF-8");
        OutputStream out = new BufferedOutputStream(res.getOutputStream(), 32 * 1024);
        try (JsonGenerator g = ProblemWriter.JSON.createGenerator(out)) {
            body.write(g);
        }
    }
}
