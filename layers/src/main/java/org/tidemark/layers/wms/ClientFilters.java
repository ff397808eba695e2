package org.tidemark.layers.wms;

import java.util.ArrayList;
import java.util.List;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.cql2.Cql2TextParser;

/**
 * The CQL_FILTER vendor parameter: CQL2 text (OGC 21-065r2) parsed by geo-core, geometry literals in CRS84.
 * Every property it names must be a visible attribute (or the geometry) of the layer, so a filter can neither
 * fail deep in a store nor probe attributes the access gate masks.
 */
final class ClientFilters {
    private ClientFilters() {}

    static Filter cql(String text, FeatureType type, AccessDecision decision) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("INCLUDE")) return Filter.INCLUDE;
        Filter f;
        try {
            f = Cql2TextParser.parse(text);
        } catch (GeoServiceException e) {
            throw GeoServiceException.invalid("CQL_FILTER", e.getMessage());
        }
        for (String p : properties(f, new ArrayList<>())) {
            boolean known = type.hasProperty(p) && (p.equals(type.geometryName()) || decision.attributeVisible(p));
            if (!known) throw GeoServiceException.invalid("CQL_FILTER", "Unknown property " + p + " of layer " + type.name());
        }
        return f;
    }

    static List<String> properties(Filter f, List<String> out) {
        switch (f) {
            case Filter.And a -> a.operands().forEach(o -> properties(o, out));
            case Filter.Or o -> o.operands().forEach(x -> properties(x, out));
            case Filter.Not n -> properties(n.operand(), out);
            case Filter.Comparison c -> out.add(c.property());
            case Filter.Like l -> out.add(l.property());
            case Filter.In i -> out.add(i.property());
            case Filter.Between b -> out.add(b.property());
            case Filter.IsNull n -> out.add(n.property());
            case Filter.Spatial s -> out.add(s.property());
            case Filter.Temporal t -> out.add(t.property());
            case Filter.ResourceId r -> { }
            case Filter.Include i -> { }
            case Filter.Exclude e -> { }
        }
        return out;
    }
}
