package org.tidemark.layers.wms;

import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;

/** The CQL_FILTER vendor parameter (CQL2 text, OGC 21-065) parsed by geo-core and checked against the layer. */
final class ClientFilters {
    private ClientFilters() {}

    static Filter cql(String text, FeatureType type) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("INCLUDE")) return Filter.INCLUDE;
        throw GeoServiceException.notSupported("CQL_FILTER", "CQL_FILTER is not available yet");
    }
}
