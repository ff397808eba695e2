package org.tidemark.layers.wfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.layers.fes.FesFilterParser;
import org.tidemark.layers.fes.PropertyResolver;
import org.tidemark.layers.gml.GmlGeometryReader;
import org.tidemark.layers.ows.OwsException;
import org.tidemark.layers.web.Cql;
import org.tidemark.layers.web.GatedCatalog;
import org.tidemark.layers.web.GatedLayer;
import org.tidemark.layers.web.WireCrs;

/**
 * Resolves parsed queries against the caller's view of the catalog (WFS 2.0 §7.9.2): type names (unknown or
 * invisible → InvalidParameterValue), property names, sort keys, BBOX with its CRS, resource ids, FES and
 * CQL filters, and the output CRS. Published resource ids are {@code type.id}.
 */
final class QueryPlanner {
    private static final GeometryFactory GF = new GeometryFactory();
    private final GatedCatalog catalog;

    QueryPlanner(GatedCatalog catalog) { this.catalog = catalog; }

    /**
     * The published resource id: {@code <type>.<id>}. Stores that already keep ids in that form (the JDBC
     * stores assign {@code <type>.<n>}) are published as they are, never as {@code <type>.<type>.<n>}.
     */
    static String resourceId(String type, String id) { return id.startsWith(type + ".") ? id : type + "." + id; }

    /**
     * A decoded id may be stored either way (with or without the type prefix), so id filters match both
     * forms: every {@link Filter.ResourceId} in the tree gains the prefixed form of each of its ids.
     */
    static Filter withStoredIdForms(Filter f, String type) {
        return switch (f) {
            case Filter.ResourceId r -> {
                Set<String> ids = new LinkedHashSet<>(r.ids());
                for (String id : r.ids()) ids.add(type + "." + id);
                yield new Filter.ResourceId(ids);
            }
            case Filter.And a -> new Filter.And(a.operands().stream().map(o -> withStoredIdForms(o, type)).toList());
            case Filter.Or o -> new Filter.Or(o.operands().stream().map(x -> withStoredIdForms(x, type)).toList());
            case Filter.Not n -> new Filter.Not(withStoredIdForms(n.operand(), type));
            default -> f;
        };
    }

    List<PlannedQuery> plan(GetFeatureRequest request, Principal principal) {
        List<PlannedQuery> out = new ArrayList<>();
        for (QuerySpec q : request.queries()) {
            if (q.typeNames().isEmpty()) {
                Map<GatedLayer, Set<String>> byType = byType(q.resourceIds(), principal);
                if (byType.isEmpty() && request.byId()) {
                    throw GeoServiceException.notFound("ID", "No feature with id " + q.resourceIds().get(0));
                }
                if (byType.isEmpty()) {
                    // Unknown ids select nothing; keep one (empty) query so the response is a valid empty collection.
                    List<GatedLayer> visible = catalog.visible(principal);
                    if (visible.isEmpty()) continue;
                    out.add(plan(request, q, visible.get(0), Filter.EXCLUDE, principal));
                    continue;
                }
                byType.forEach((layer, ids) -> out.add(plan(request, q, layer, new Filter.ResourceId(ids), principal)));
            } else {
                checkIdsMatchTypes(q, principal);
                for (String name : q.typeNames()) {
                    GatedLayer layer = catalog.find(principal, localName(name))
                            .orElseThrow(() -> GeoServiceException.invalid("typeNames", "Unknown feature type: " + name));
                    Filter ids = null;
                    if (!q.resourceIds().isEmpty()) {
                        Set<String> mine = new LinkedHashSet<>();
                        for (String rid : q.resourceIds()) {
                            String id = decodeId(layer, rid);
                            if (id != null) mine.add(id);
                        }
                        ids = mine.isEmpty() ? Filter.EXCLUDE : new Filter.ResourceId(mine);
                    }
                    out.add(plan(request, q, layer, ids, principal));
                }
            }
        }
        return out;
    }

    /**
     * WFS 2.0 §7.9.2.4.1 / FES 2.0 §7.11: a resource id of a feature of another (known) type than the ones queried
     * is an invalid parameter; an id that identifies nothing simply selects nothing.
     */
    private void checkIdsMatchTypes(QuerySpec q, Principal principal) {
        if (q.resourceIds().isEmpty()) return;
        Set<String> types = new LinkedHashSet<>();
        for (String t : q.typeNames()) types.add(localName(t));
        for (String rid : q.resourceIds()) checkId(rid, types, principal);
    }

    private void checkId(String rid, Set<String> queried, Principal principal) {
        if (queried.stream().anyMatch(t -> rid.startsWith(t + ".") && rid.length() > t.length() + 1)) return;
        for (GatedLayer other : catalog.visible(principal)) {
            if (decodeId(other, rid) != null) {
                throw GeoServiceException.invalid("RESOURCEID", "Resource id " + rid + " identifies a " + other.name()
                        + ", not a feature of the requested type(s) " + queried);
            }
        }
    }

    private Map<GatedLayer, Set<String>> byType(List<String> rids, Principal principal) {
        Map<String, GatedLayer> layers = new LinkedHashMap<>();
        catalog.visible(principal).forEach(l -> layers.put(l.name(), l));
        Map<GatedLayer, Set<String>> out = new LinkedHashMap<>();
        for (String rid : rids) {
            for (GatedLayer l : layers.values()) {
                String id = decodeId(l, rid);
                if (id != null) {
                    out.computeIfAbsent(l, k -> new LinkedHashSet<>()).add(id);
                    break;
                }
            }
        }
        return out;
    }

    /** The stored id for a published resource id of this layer, or null when it belongs elsewhere. */
    static String decodeId(GatedLayer layer, String rid) {
        String prefix = layer.name() + ".";
        return rid.startsWith(prefix) && rid.length() > prefix.length() ? rid.substring(prefix.length()) : null;
    }

    static String localName(String qname) {
        String t = qname.trim();
        if (t.startsWith("{")) {
            int close = t.indexOf('}');
            if (close > 0) return t.substring(close + 1);
        }
        int colon = t.indexOf(':');
        return colon >= 0 ? t.substring(colon + 1) : t;
    }

    private PlannedQuery plan(GetFeatureRequest request, QuerySpec q, GatedLayer layer, Filter idFilter) {
        return plan(request, q, layer, idFilter, null);
    }

    private PlannedQuery plan(GetFeatureRequest request, QuerySpec q, GatedLayer layer, Filter idFilter, Principal principal) {
        PropertyResolver resolver = new PropertyResolver(layer.type());
        WireCrs out = q.srsName() == null ? WireCrs.URN_4490 : WireCrs.decode(q.srsName(), "srsName");
        List<Filter> parts = new ArrayList<>();
        if (idFilter != null) parts.add(withStoredIdForms(idFilter, layer.name()));
        if (q.filter() != null) {
            GmlGeometryReader geometries = new GmlGeometryReader(WireCrs::decode, out);
            parts.add(withStoredIdForms(new FesFilterParser(resolver, geometries, rid -> {
                String id = decodeId(layer, rid);
                if (id == null) checkId(rid, Set.of(layer.name()), principal);
                return id;
            }).parse(q.filter()), layer.name()));
        }
        if (q.cql() != null) parts.add(Cql.parseText(q.cql(), layer.type(), "CQL_FILTER"));
        if (q.bbox() != null) parts.add(bbox(q.bbox(), layer));
        List<String> props = layer.type().attributeNames();
        boolean geometry = true;
        if (q.propertyNames() != null && !q.propertyNames().isEmpty() && !q.propertyNames().equals(List.of("*"))) {
            Set<String> wanted = new LinkedHashSet<>();
            for (String p : q.propertyNames()) {
                String name = resolveOr(resolver, p, "propertyName");
                wanted.add(name);
            }
            geometry = wanted.contains(layer.type().geometryName());
            props = layer.type().attributeNames().stream().filter(wanted::contains).toList();
        }
        if (request.valueReference() != null) {
            String vr = request.valueReference().trim();
            if (!vr.equals("@gml:id")) {
                String name = resolveOr(resolver, vr, "valueReference");
                geometry = name.equals(layer.type().geometryName());
                props = geometry ? List.of() : List.of(name);
            }
        }
        List<SortKey> sort = q.sortBy() == null ? List.of() : sortKeys(q.sortBy(), resolver);
        FeatureQuery fq = new FeatureQuery(layer.name(), Filter.and(parts.toArray(Filter[]::new)), null, props, sort, 0, -1);
        return new PlannedQuery(layer, fq, props, geometry, out);
    }

    private static String resolveOr(PropertyResolver resolver, String reference, String locator) {
        try {
            return resolver.resolve(reference, locator);
        } catch (GeoServiceException e) {
            throw GeoServiceException.invalid(locator, e.getMessage());
        }
    }

    private static Filter bbox(String text, GatedLayer layer) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length < 5) throw GeoServiceException.invalid("bbox", "BBOX needs four numbers and an optional CRS");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw GeoServiceException.invalid("bbox", "BBOX value is not a number: " + parts[i]);
            }
            if (!Double.isFinite(v[i])) throw GeoServiceException.invalid("bbox", "BBOX value is not finite");
        }
        if (v[0] > v[2] || v[1] > v[3]) throw GeoServiceException.invalid("bbox", "BBOX lower corner exceeds upper corner");
        WireCrs crs = parts.length >= 5 ? WireCrs.decode(String.join(",", java.util.Arrays.copyOfRange(parts, 4, parts.length)).trim(), "bbox")
                : WireCrs.URN_4490;
        Envelope e = crs.toInternal(v[0], v[1], v[2], v[3]);
        return new Filter.Spatial(SpatialOperator.BBOX, layer.type().geometryName(), GF.toGeometry(e), 0);
    }

    static List<SortKey> sortKeys(String text, PropertyResolver resolver) {
        List<SortKey> keys = new ArrayList<>();
        for (String item : text.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) continue;
            String[] words = t.split("[\\s+]+");
            if (words.length > 2) throw GeoServiceException.invalid("sortBy", "Bad sort key: " + t);
            boolean asc = true;
            if (words.length == 2) {
                switch (words[1].toUpperCase(Locale.ROOT)) {
                    case "ASC", "A" -> asc = true;
                    case "DESC", "D" -> asc = false;
                    default -> throw GeoServiceException.invalid("sortBy", "Sort order must be ASC or DESC: " + t);
                }
            }
            String name = resolveOr(resolver, words[0], "sortBy");
            if (resolver.isGeometry(name)) throw OwsException.invalidValue("sortBy", "Cannot sort by geometry");
            keys.add(new SortKey(name, asc));
        }
        return keys;
    }
}
