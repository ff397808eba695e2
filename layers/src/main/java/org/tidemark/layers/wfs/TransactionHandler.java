package org.tidemark.layers.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.StandardProperties;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureStore;
import org.tidemark.layers.fes.FesFilterParser;
import org.tidemark.layers.fes.Literals;
import org.tidemark.layers.fes.PropertyResolver;
import org.tidemark.layers.gml.GmlGeometryReader;
import org.tidemark.layers.gml.GmlStandardProperties;
import org.tidemark.layers.ows.OwsException;
import org.tidemark.layers.web.GatedCatalog;
import org.tidemark.layers.web.GatedLayer;
import org.tidemark.layers.web.WireCrs;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The WFS 2.0 Transaction operation (OGC 09-025r2 §15): Insert, Update, Replace and Delete actions on layers the
 * caller may write ({@code AccessDecision.writable}), through the layer's {@link FeatureStore}. Every action is
 * parsed and validated before any is executed; each store call is atomic, updates and deletes are confined to
 * the caller's row filter. The response is a {@code wfs:TransactionResponse} with the summary counts and the
 * resource ids of inserted, updated and replaced features.
 */
final class TransactionHandler {
    private static final String WFS = WfsVersion.V200.namespace;
    private static final String FES = FesFilterParser.FES20;

    private sealed interface Action permits Insert, Update, Delete {}

    private record Insert(GatedLayer layer, FeatureStore store, List<Feature> features, String handle) implements Action {}

    private record Update(GatedLayer layer, FeatureStore store, Filter filter, Map<String, Object> values, boolean replace,
                          String handle) implements Action {}

    private record Delete(GatedLayer layer, FeatureStore store, Filter filter) implements Action {}

    private final GatedCatalog catalog;

    TransactionHandler(GatedCatalog catalog) { this.catalog = catalog; }

    void execute(Element root, WfsContext ctx, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        String version = root.getAttribute("version");
        if (!version.isBlank() && WfsVersion.parse(version) != WfsVersion.V200) {
            throw GeoServiceException.invalid("version", "Transactions are supported in WFS 2.0.0");
        }
        Result r = run(root, ctx);
        response.setContentType("application/xml;charset=UTF-8");
        try (OutputStream out = new java.io.BufferedOutputStream(response.getOutputStream())) {
            write(out, ctx, r.inserted(), r.updated(), r.replaced(), r.deleted());
        }
    }

    private record Result(List<String[]> inserted, List<String[]> updated, List<String[]> replaced, long deleted) {}

    private Result run(Element root, WfsContext ctx) {
        List<Action> actions;
        try {
            actions = parse(root, ctx);
        } catch (GeoServiceException e) {
            // WFS 2.0 §15.2: invalid content in an action is reported as InvalidValue
            if (e.kind() == GeoServiceException.Kind.INVALID_PARAMETER && !"InvalidValue".equals(e.code())) {
                throw new GeoServiceException(e.kind(), "InvalidValue", e.locator(), e.getMessage(), e);
            }
            throw e;
        }
        return apply(actions);
    }

    private List<Action> parse(Element root, WfsContext ctx) {
        List<Action> actions = new ArrayList<>();
        for (Element a : WfsXmlParser.children(root)) {
            switch (a.getLocalName()) {
                case "Insert" -> {
                    Map<GatedLayer, List<Feature>> byLayer = new LinkedHashMap<>();
                    Map<String, GatedLayer> layers = new LinkedHashMap<>();
                    for (Element f : WfsXmlParser.children(a)) {
                        GatedLayer layer = layers.computeIfAbsent(f.getLocalName(), n -> writable(ctx, n));
                        byLayer.computeIfAbsent(layer, k -> new ArrayList<>()).add(feature(layer.type(), f, srs(a)));
                    }
                    byLayer.forEach((l, fs) -> actions.add(new Insert(l, store(l), fs, a.getAttribute("handle"))));
                }
                case "Update" -> {
                    GatedLayer layer = writable(ctx, QueryPlanner.localName(required(a, "typeName")));
                    Map<String, Object> values = new LinkedHashMap<>();
                    Element filter = null;
                    for (Element c : WfsXmlParser.children(a)) {
                        if ("Property".equals(c.getLocalName())) property(layer.type(), c, values, srs(a));
                        if ("Filter".equals(c.getLocalName())) filter = c;
                    }
                    actions.add(new Update(layer, store(layer), filter(layer, filter), values, false, a.getAttribute("handle")));
                }
                case "Replace" -> {
                    Element newFeature = null;
                    Element filter = null;
                    for (Element c : WfsXmlParser.children(a)) {
                        if ("Filter".equals(c.getLocalName())) filter = c;
                        else if (newFeature == null) newFeature = c;
                    }
                    if (newFeature == null) throw OwsException.parsingFailed("Replace", "Replace without a feature");
                    GatedLayer layer = writable(ctx, newFeature.getLocalName());
                    Feature f = feature(layer.type(), newFeature, srs(a));
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (Attribute att : layer.type().attributes()) values.put(att.name(), f.get(att.name()));
                    // a replacement has exactly the standard properties it carries (WFS 2.0 §15.2.6)
                    for (String key : StandardProperties.ALL) values.put(key, f.get(key));
                    values.put(layer.type().geometryName(), f.geometry());
                    actions.add(new Update(layer, store(layer), filter(layer, filter), values, true, a.getAttribute("handle")));
                }
                case "Delete" -> {
                    GatedLayer layer = writable(ctx, QueryPlanner.localName(required(a, "typeName")));
                    Element filter = null;
                    for (Element c : WfsXmlParser.children(a)) if ("Filter".equals(c.getLocalName())) filter = c;
                    actions.add(new Delete(layer, store(layer), filter(layer, filter)));
                }
                default -> throw GeoServiceException.notSupported(a.getLocalName(), a.getLocalName() + " actions are not supported");
            }
        }
        return actions;
    }

    private Result apply(List<Action> actions) {
        List<String[]> inserted = new ArrayList<>();
        List<String[]> updated = new ArrayList<>();
        List<String[]> replaced = new ArrayList<>();
        long deleted = 0;
        for (Action action : actions) {
            switch (action) {
                case Insert i -> {
                    for (String id : i.store().insert(i.features())) inserted.add(new String[]{QueryPlanner.resourceId(i.layer().name(), id), i.handle()});
                }
                case Update u -> {
                    Filter gated = Filter.and(u.filter(), u.layer().decision().rowFilter());
                    List<String> ids = ids(u.store(), u.layer().name(), gated);
                    if (!ids.isEmpty()) u.store().update(new Filter.ResourceId(new java.util.LinkedHashSet<>(ids)), u.values());
                    for (String id : ids) (u.replace() ? replaced : updated).add(new String[]{QueryPlanner.resourceId(u.layer().name(), id), u.handle()});
                }
                case Delete d -> deleted += d.store().delete(Filter.and(d.filter(), d.layer().decision().rowFilter()));
            }
        }
        return new Result(inserted, updated, replaced, deleted);
    }

    private static List<String> ids(FeatureStore store, String type, Filter filter) {
        List<String> ids = new ArrayList<>();
        try (FeatureCursor c = store.query(new FeatureQuery(type, filter, null, List.of(), List.of(), 0, -1))) {
            while (c.hasNext()) ids.add(c.next().id());
        }
        return ids;
    }

    private GatedLayer writable(WfsContext ctx, String typeName) {
        GatedLayer layer = catalog.find(ctx.principal(), typeName)
                .orElseThrow(() -> GeoServiceException.invalid("typeName", "Unknown feature type: " + typeName));
        if (!layer.decision().writable()) throw GeoServiceException.forbidden(typeName, "No write access to " + typeName);
        return layer;
    }

    private static FeatureStore store(GatedLayer layer) {
        return layer.store().orElseThrow(() -> new GeoServiceException(GeoServiceException.Kind.NOT_SUPPORTED, "OperationProcessingFailed", layer.name(),
                layer.name() + " is read-only"));
    }

    private static String required(Element e, String attr) {
        String v = e.getAttribute(attr);
        if (v.isBlank()) throw GeoServiceException.missing(attr);
        return v.trim();
    }

    private static WireCrs srs(Element action) {
        String s = action.getAttribute("srsName");
        return s.isBlank() ? WireCrs.URN_4490 : WireCrs.decode(s.trim(), "srsName");
    }

    private static Filter filter(GatedLayer layer, Element filter) {
        if (filter == null) throw GeoServiceException.missing("Filter");
        GmlGeometryReader geometries = new GmlGeometryReader(WireCrs::decode, WireCrs.URN_4490);
        return QueryPlanner.withStoredIdForms(new FesFilterParser(new PropertyResolver(layer.type()), geometries,
                rid -> QueryPlanner.decodeId(layer, rid)).parse(filter), layer.name());
    }

    private static Feature feature(FeatureType type, Element f, WireCrs srs) {
        Map<String, Object> props = new LinkedHashMap<>();
        Geometry geometry = null;
        for (Node n = f.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element p)) continue;
            if (GmlStandardProperties.read(p, props) || GmlGeometryReader.isGml(p)) continue; // gml:boundedBy ... are not stored
            String name = p.getLocalName();
            if (name.equals(type.geometryName())) {
                Element g = firstElement(p);
                geometry = g == null ? null : new GmlGeometryReader(WireCrs::decode, srs).read(g);
            } else {
                Attribute a = type.attribute(name).orElseThrow(() -> new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER,
                        "InvalidValue", name, "Unknown property " + name + " of " + type.name()));
                boolean nil = "true".equals(p.getAttributeNS(XmlSupport.XSI, "nil"));
                props.put(name, nil ? null : Literals.typed(p.getTextContent(), a.type(), name));
            }
        }
        return new Feature("", geometry, props);
    }

    private static void property(FeatureType type, Element prop, Map<String, Object> values, WireCrs srs) {
        Element ref = null;
        Element value = null;
        for (Element c : WfsXmlParser.children(prop)) {
            if ("ValueReference".equals(c.getLocalName()) || "Name".equals(c.getLocalName())) ref = c;
            if ("Value".equals(c.getLocalName())) value = c;
        }
        if (ref == null) throw OwsException.parsingFailed("Property", "Property without ValueReference");
        String standard = GmlStandardProperties.key(ref.getTextContent(), ref);
        if (standard != null) {
            values.put(standard, value == null ? null : value.getTextContent().strip());
            if (standard.equals(StandardProperties.IDENTIFIER)) {
                String cs = value == null ? "" : value.getAttribute("codeSpace");
                values.put(StandardProperties.IDENTIFIER_CODESPACE, cs.isBlank() ? null : cs.strip());
            }
            return;
        }
        String name = new PropertyResolver(type).resolve(ref.getTextContent(), "ValueReference");
        if (name.equals(type.geometryName())) {
            Element g = value == null ? null : firstElement(value);
            values.put(name, g == null ? null : new GmlGeometryReader(WireCrs::decode, srs).read(g));
        } else {
            Attribute a = type.attribute(name).orElseThrow();
            if (value == null && !a.nullable()) {
                throw new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "InvalidValue", name, name + " cannot be null");
            }
            try {
                values.put(name, value == null ? null : Literals.typed(value.getTextContent(), a.type(), name));
            } catch (GeoServiceException e) {
                throw new GeoServiceException(e.kind(), "InvalidValue", name, e.getMessage());
            }
        }
    }

    private static Element firstElement(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) if (n instanceof Element c) return c;
        return null;
    }

    private static void write(OutputStream out, WfsContext ctx, List<String[]> inserted, List<String[]> updated,
                              List<String[]> replaced, long deleted) throws IOException {
        try {
            XMLStreamWriter w = XmlSupport.writer(out);
            w.setPrefix("wfs", WFS);
            w.writeStartElement("wfs", "TransactionResponse", WFS);
            w.writeNamespace("wfs", WFS);
            w.writeNamespace("fes", FES);
            w.writeNamespace("xsi", XmlSupport.XSI);
            w.writeAttribute("xsi", XmlSupport.XSI, "schemaLocation", WFS + " " + ctx.settings().schemaBaseUrl() + WfsVersion.V200.schemaPath);
            w.writeAttribute("version", "2.0.0");
            w.writeStartElement("wfs", "TransactionSummary", WFS);
            XmlSupport.element(w, "wfs", WFS, "totalInserted", Integer.toString(inserted.size()));
            XmlSupport.element(w, "wfs", WFS, "totalUpdated", Integer.toString(updated.size()));
            XmlSupport.element(w, "wfs", WFS, "totalReplaced", Integer.toString(replaced.size()));
            XmlSupport.element(w, "wfs", WFS, "totalDeleted", Long.toString(deleted));
            w.writeEndElement();
            results(w, "InsertResults", inserted);
            results(w, "UpdateResults", updated);
            results(w, "ReplaceResults", replaced);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void results(XMLStreamWriter w, String element, List<String[]> ids) throws XMLStreamException {
        if (ids.isEmpty()) return;
        w.writeStartElement("wfs", element, WFS);
        for (String[] id : ids) {
            w.writeStartElement("wfs", "Feature", WFS);
            if (id[1] != null && !id[1].isBlank()) w.writeAttribute("handle", id[1]);
            w.writeEmptyElement("fes", "ResourceId", FES);
            w.writeAttribute("rid", id[0]);
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
