package org.tidemark.core.query;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.filter.Filter;

/**
 * A protocol-neutral request for features of one type. Every protocol (WFS, OGC API, WMS, MVT, the
 * analysis processes) builds one of these; stores never see raw request parameters.
 *
 * <p>Results are always in a stable order: the sort keys, then the feature id, so that paging by
 * {@code offset}/{@code limit} is consistent in both directions (WFS 2.0 §7.7.4.4.2).
 *
 * @param typeName   the feature type
 * @param filter     the selection (never null; {@link Filter#INCLUDE} for all)
 * @param bbox       an extra bounding-box restriction in lon/lat, or null
 * @param properties the attribute names to return, or null for all
 * @param sortBy     sort keys (may be empty)
 * @param offset     features to skip
 * @param limit      the maximum number to return, or -1 for no limit
 */
public record FeatureQuery(String typeName, Filter filter, Envelope bbox, List<String> properties,
                           List<SortKey> sortBy, long offset, int limit) {
    public FeatureQuery {
        Objects.requireNonNull(typeName, "typeName");
        if (filter == null) filter = Filter.INCLUDE;
        if (properties != null) properties = List.copyOf(properties);
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        if (offset < 0) throw new IllegalArgumentException("offset < 0");
    }

    public static FeatureQuery all(String typeName) {
        return new FeatureQuery(typeName, Filter.INCLUDE, null, null, List.of(), 0, -1);
    }

    public FeatureQuery withFilter(Filter f) { return new FeatureQuery(typeName, f, bbox, properties, sortBy, offset, limit); }

    public FeatureQuery withPage(long newOffset, int newLimit) {
        return new FeatureQuery(typeName, filter, bbox, properties, sortBy, newOffset, newLimit);
    }

    public FeatureQuery withBbox(Envelope b) { return new FeatureQuery(typeName, filter, b, properties, sortBy, offset, limit); }

    public FeatureQuery withProperties(List<String> p) { return new FeatureQuery(typeName, filter, bbox, p, sortBy, offset, limit); }

    public FeatureQuery withSort(List<SortKey> s) { return new FeatureQuery(typeName, filter, bbox, properties, s, offset, limit); }
}
