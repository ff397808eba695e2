package org.tidemark.layers.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;

/**
 * Reads the layers an analysis consults through the access gate, exactly like a protocol does: a
 * layer the caller may not see contributes nothing, rows outside the grant are never read, and hidden
 * attributes are dropped — so a siting report cannot leak what WFS would refuse.
 */
final class LayerReader {
    private final LayerCatalog catalog;
    private final AccessPolicy policy;
    private final Principal principal;

    LayerReader(LayerCatalog catalog, AccessPolicy policy, Principal principal) {
        this.catalog = catalog;
        this.policy = policy;
        this.principal = principal;
    }

    boolean visible(String layer) {
        return catalog.layer(layer).isPresent() && policy.decide(principal, layer).visible();
    }

    /** Streams the visible features of {@code layer} intersecting {@code bbox} (null = all). */
    void each(String layer, Envelope bbox, Filter extra, Consumer<Feature> sink) {
        if (!visible(layer)) return;
        var source = catalog.source(layer).orElse(null);
        if (source == null) return;
        AccessDecision d = policy.decide(principal, layer);
        Filter filter = Filter.and(d.rowFilter(), extra);
        if (d.spatialLimit() != null) {
            filter = Filter.and(filter, new Filter.Spatial(SpatialOperator.INTERSECTS, source.type().geometryName(), d.spatialLimit(), 0));
        }
        FeatureQuery q = FeatureQuery.all(layer).withFilter(filter).withBbox(bbox);
        try (FeatureCursor cursor = source.query(q)) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                sink.accept(d.attributes() == null ? f : f.withOnly(d.attributes()));
            }
        }
    }

    List<Feature> list(String layer, Envelope bbox, Filter extra) {
        List<Feature> out = new ArrayList<>();
        each(layer, bbox, extra, out::add);
        return out;
    }
}
