package org.tidemark.layers.web;

import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;

/**
 * The bridge to the geo-core CQL2 parsers (OGC 21-065 text and JSON encodings) for {@code CQL_FILTER}
 * and OGC API {@code filter}. Property names are validated against the caller's view of the type.
 */
public final class Cql {
    private Cql() {}

    public static Filter parseText(String text, FeatureType type, String locator) {
        throw new GeoServiceException(GeoServiceException.Kind.NOT_SUPPORTED, "OptionNotSupported", locator,
                "CQL2 is not available yet");
    }

    public static Filter parseJson(String json, FeatureType type, String locator) {
        throw new GeoServiceException(GeoServiceException.Kind.NOT_SUPPORTED, "OptionNotSupported", locator,
                "CQL2 JSON is not available yet");
    }
}
