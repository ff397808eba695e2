package org.tidemark.core.source.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.filter.Values;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/**
 * A {@link FeatureSource} over features held in memory: for tests, small live layers and HTTP slice tests
 * without a database. Queries have the semantics of the SQL stores: the filter is evaluated by
 * {@link FilterEvaluator}; the query's bbox keeps features whose envelope intersects it (PostGIS {@code &&});
 * the order is the sort keys (nulls last when ascending, first when descending, as in PostgreSQL), then the
 * feature id, so paging by offset/limit is stable; then the property selection is applied.
 *
 * <p>Readers work on an immutable snapshot, so a cursor is never disturbed by a concurrent write
 * ({@link MemoryFeatureStore}); {@link #version()} changes with every write.
 */
public class MemoryFeatureSource implements FeatureSource {
    private final FeatureType type;
    private volatile List<Feature> features;
    private final AtomicLong version = new AtomicLong();

    public MemoryFeatureSource(FeatureType type, Collection<Feature> features) {
        this.type = Objects.requireNonNull(type, "type");
        this.features = List.copyOf(features);
    }

    public static MemoryFeatureSource of(FeatureType type, Feature... features) {
        return new MemoryFeatureSource(type, List.of(features));
    }

    @Override
    public FeatureType type() { return type; }

    @Override
    public FeatureCursor query(FeatureQuery query) {
        List<Feature> selected = select(query);
        selected.sort(order(query.sortBy()));
        long from = Math.min(query.offset(), selected.size());
        long to = query.limit() < 0 ? selected.size() : Math.min(selected.size(), from + query.limit());
        List<Feature> page = selected.subList((int) from, (int) to);
        if (query.properties() != null) {
            // a projection selects attributes; the GML standard properties stay, as in the JDBC store
            List<String> names = new java.util.ArrayList<>(query.properties());
            names.addAll(org.tidemark.core.feature.StandardProperties.ALL);
            page = page.stream().map(f -> f.withOnly(names)).toList();
        }
        return FeatureCursor.of(page.iterator());
    }

    @Override
    public long count(FeatureQuery query) {
        return select(query).size();
    }

    @Override
    public Envelope extent() {
        Envelope extent = new Envelope();
        for (Feature f : features) {
            if (f.geometry() != null && !f.geometry().isEmpty()) extent.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return extent.isNull() ? null : extent;
    }

    @Override
    public long version() { return version.get(); }

    /** The current content (an immutable snapshot). */
    public List<Feature> features() { return features; }

    /** Replaces the whole content atomically (for live layers that recompute their features). */
    public void setFeatures(Collection<Feature> replacement) {
        features = List.copyOf(replacement);
        version.incrementAndGet();
    }

    private List<Feature> select(FeatureQuery query) {
        List<Feature> out = new ArrayList<>();
        Envelope bbox = query.bbox();
        for (Feature f : features) {
            if (bbox != null && (f.geometry() == null || !bbox.intersects(f.geometry().getEnvelopeInternal()))) continue;
            if (FilterEvaluator.matches(query.filter(), f)) out.add(f);
        }
        return out;
    }

    private Comparator<Feature> order(List<SortKey> keys) {
        Comparator<Feature> c = (a, b) -> 0;
        for (SortKey key : keys) {
            Comparator<Feature> byKey = (a, b) -> Values.NULLS_LAST.compare(valueOf(a, key.property()), valueOf(b, key.property()));
            c = c.thenComparing(key.ascending() ? byKey : byKey.reversed());
        }
        return c.thenComparing(Feature::id);
    }

    private Object valueOf(Feature f, String property) {
        return property.equals(type.geometryName()) ? null : f.get(property);
    }
}
