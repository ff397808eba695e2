package org.tidemark.layers.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/**
 * One layer behind the access gate. Everything a protocol reads goes through here: the row filter is ANDed
 * into every query, the spatial limit becomes an intersects restriction, and the attribute mask shapes the
 * published {@link #type() type}, the selected properties and every returned feature.
 *
 * <p>Protocols validate property names (filters, sort keys, property selections) against {@link #type()}:
 * a hidden attribute is an unknown property.
 */
public final class GatedLayer {
    private final Layer layer;
    private final FeatureSource source;
    private final AccessDecision decision;
    private final FeatureType type;

    GatedLayer(Layer layer, FeatureSource source, AccessDecision decision) {
        this.layer = layer;
        this.source = source;
        this.decision = decision;
        FeatureType full = source.type();
        if (decision.attributes() == null) {
            this.type = full;
        } else {
            List<Attribute> kept = full.attributes().stream().filter(a -> decision.attributeVisible(a.name())).toList();
            String time = full.timeAttribute() != null && decision.attributeVisible(full.timeAttribute()) ? full.timeAttribute() : null;
            this.type = new FeatureType(full.name(), full.title(), full.description(), kept, full.geometryName(),
                    full.geometryKind(), full.storageSrid(), time);
        }
    }

    public Layer layer() { return layer; }

    public String name() { return layer.name(); }

    /** The published schema: the source's type without the attributes the caller may not see. */
    public FeatureType type() { return type; }

    public AccessDecision decision() { return decision; }

    /** Whether {@code property} is the geometry or a visible attribute. */
    public boolean hasProperty(String property) { return type.hasProperty(property); }

    /** The lon/lat extent (clipped to the spatial limit), or null when unknown. */
    public Envelope extent() {
        Envelope e = source.extent();
        if (e != null && decision.spatialLimit() != null) {
            e = e.intersection(decision.spatialLimit().getEnvelopeInternal());
        }
        return e == null || e.isNull() ? null : e;
    }

    /** Streams the features the caller may see; the caller closes the cursor. */
    public FeatureCursor query(FeatureQuery query) {
        FeatureCursor cursor = source.query(gate(query));
        Set<String> visible = decision.attributes();
        if (visible == null) return cursor;
        return new FeatureCursor() {
            public boolean hasNext() { return cursor.hasNext(); }
            public Feature next() { return cursor.next().withOnly(visible); }
            public void close() { cursor.close(); }
        };
    }

    /** Counts the features the caller may see (offset and limit ignored). */
    public long count(FeatureQuery query) {
        return source.count(gate(query));
    }

    /**
     * The writable store behind the layer, when the source is one and the caller may write (WFS-T). Writes
     * bypass no gate: callers confine updates and deletes to {@link AccessDecision#rowFilter()}.
     */
    public java.util.Optional<org.tidemark.core.source.FeatureStore> store() {
        return decision.writable() && source instanceof org.tidemark.core.source.FeatureStore s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    /** The version of the underlying content (for ETags). */
    public long version() { return source.version(); }

    FeatureQuery gate(FeatureQuery query) {
        List<Filter> parts = new ArrayList<>();
        parts.add(query.filter());
        parts.add(decision.rowFilter());
        if (decision.spatialLimit() != null) {
            parts.add(new Filter.Spatial(SpatialOperator.INTERSECTS, type.geometryName(), decision.spatialLimit(), 0));
        }
        FeatureQuery gated = query.withFilter(Filter.and(parts.toArray(Filter[]::new)));
        if (decision.attributes() != null) {
            List<String> props = query.properties() == null ? type.attributeNames()
                    : query.properties().stream().filter(decision::attributeVisible).toList();
            gated = gated.withProperties(props);
        }
        return gated;
    }
}
