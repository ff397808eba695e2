package org.tidemark.layers.web;

import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.cql2.Cql2JsonParser;
import org.tidemark.core.filter.cql2.Cql2TextParser;

/**
 * The bridge to the geo-core CQL2 parsers (OGC 21-065 text and JSON encodings) for the WFS {@code CQL_FILTER}
 * vendor parameter and the OGC API {@code filter} parameter. Property names are checked against the caller's
 * view of the type: a hidden attribute is reported exactly like an unknown one.
 */
public final class Cql {
    private Cql() {}

    /** Parses CQL2 text with CRS84 literals. */
    public static Filter parseText(String text, FeatureType type, String locator) {
        return parseText(text, null, type, locator);
    }

    /** Parses CQL2 text whose literals are in {@code filterCrs} (null: CRS84). */
    public static Filter parseText(String text, CrsReference filterCrs, FeatureType type, String locator) {
        Filter f = relocate(() -> Cql2TextParser.parse(text, filterCrs), locator);
        check(f, type, locator);
        return f;
    }

    /** Parses CQL2 JSON whose literals are in {@code filterCrs} (null: CRS84). */
    public static Filter parseJson(String json, CrsReference filterCrs, FeatureType type, String locator) {
        Filter f = relocate(() -> Cql2JsonParser.parse(json, filterCrs), locator);
        check(f, type, locator);
        return f;
    }

    private static Filter relocate(java.util.function.Supplier<Filter> parse, String locator) {
        try {
            return parse.get();
        } catch (GeoServiceException e) {
            if (locator.equals(e.locator())) throw e;
            throw new GeoServiceException(e.kind(), e.code(), locator, e.getMessage(), e);
        }
    }

    /** Rejects properties the type (as the caller sees it) does not have. */
    static void check(Filter f, FeatureType type, String locator) {
        switch (f) {
            case Filter.And a -> a.operands().forEach(o -> check(o, type, locator));
            case Filter.Or o -> o.operands().forEach(x -> check(x, type, locator));
            case Filter.Not n -> check(n.operand(), type, locator);
            case Filter.Comparison c -> property(c.property(), type, locator);
            case Filter.Like l -> property(l.property(), type, locator);
            case Filter.In i -> property(i.property(), type, locator);
            case Filter.Between b -> property(b.property(), type, locator);
            case Filter.IsNull n -> property(n.property(), type, locator);
            case Filter.Spatial s -> {
                if (s.property() != null && !s.property().equals(type.geometryName())) {
                    throw GeoServiceException.invalid(locator, "Not a geometry property: " + s.property());
                }
            }
            case Filter.Temporal t -> {
                property(t.property(), type, locator);
                if (type.attribute(t.property()).map(a -> !a.type().isTemporal()).orElse(true)) {
                    throw GeoServiceException.invalid(locator, "Not a temporal property: " + t.property());
                }
            }
            default -> { }
        }
    }

    private static void property(String name, FeatureType type, String locator) {
        if (name == null || !type.hasProperty(name)) {
            throw GeoServiceException.invalid(locator, "Unknown property: " + name);
        }
    }
}
