package org.tidemark.tiles.testing;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/** A list-backed source for tests: honours the bbox and simple filters it is given (INCLUDE/EXCLUDE/ids). */
public final class MemorySource implements FeatureSource {
    private final FeatureType type;
    private final List<Feature> features;
    public long version;
    public final List<FeatureQuery> queries = new ArrayList<>();

    public MemorySource(FeatureType type, List<Feature> features) {
        this.type = type;
        this.features = List.copyOf(features);
    }

    @Override
    public FeatureType type() { return type; }

    @Override
    public FeatureCursor query(FeatureQuery q) {
        queries.add(q);
        List<Feature> out = new ArrayList<>();
        for (Feature f : features) {
            if (q.bbox() != null && (f.geometry() == null || !f.geometry().getEnvelopeInternal().intersects(q.bbox()))) continue;
            if (!matches(q.filter(), f)) continue;
            out.add(q.properties() == null ? f : f.withOnly(q.properties()));
        }
        return FeatureCursor.of(out.iterator());
    }

    private static boolean matches(Filter filter, Feature f) {
        return switch (filter) {
            case Filter.Include i -> true;
            case Filter.Exclude e -> false;
            case Filter.ResourceId r -> r.ids().contains(f.id());
            case Filter.Comparison c -> String.valueOf(f.get(c.property())).equals(String.valueOf(c.value()));
            case Filter.And a -> a.operands().stream().allMatch(o -> matches(o, f));
            default -> throw new UnsupportedOperationException("test source: " + filter);
        };
    }

    @Override
    public long count(FeatureQuery q) {
        try (FeatureCursor c = query(q)) {
            long n = 0;
            while (c.hasNext()) { c.next(); n++; }
            return n;
        }
    }

    @Override
    public Envelope extent() {
        Envelope e = new Envelope();
        for (Feature f : features) if (f.geometry() != null) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e.isNull() ? null : e;
    }

    @Override
    public long version() { return version; }
}
