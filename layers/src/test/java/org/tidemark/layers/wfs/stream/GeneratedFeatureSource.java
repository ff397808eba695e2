package org.tidemark.layers.wfs.stream;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/**
 * A synthetic layer of {@code size} points over the county that holds nothing in memory: each feature is made when
 * the cursor reaches it, in id order (ids are zero-padded, so id order is also the numeric order). With it, a
 * response's memory use is the service's alone, which is what the streaming test measures.
 */
final class GeneratedFeatureSource implements FeatureSource {
    static final FeatureType TYPE = new FeatureType("million", LocalizedText.of("合成点", "Synthetic points"), null,
            List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                    Attribute.of("seq", AttributeType.INTEGER, "序号", "Sequence")),
            "geom", GeometryKind.POINT, 4490, null);
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4490);
    private static final double MIN_LON = 121.5, MIN_LAT = 28.9, SPAN = 0.8;

    private final int size;

    GeneratedFeatureSource(int size) {
        this.size = size;
    }

    static Feature feature(int i) {
        // a deterministic scatter over the county (golden-ratio sequence)
        double x = (i * 0.6180339887498949) % 1.0, y = (i * 0.7548776662466927) % 1.0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "point " + i);
        p.put("seq", i);
        return new Feature(String.format("million.%07d", i),
                GEOMETRY.createPoint(new Coordinate(MIN_LON + x * SPAN, MIN_LAT + y * SPAN)), p);
    }

    @Override
    public FeatureType type() { return TYPE; }

    @Override
    public FeatureCursor query(FeatureQuery q) {
        long limit = q.limit() < 0 ? Long.MAX_VALUE : q.limit();
        return FeatureCursor.of(new Iterator<>() {
            int next = (int) Math.min(size, q.offset());
            long emitted;
            Feature pending = advance();

            private Feature advance() {
                while (next < size && emitted < limit) {
                    Feature f = feature(next++);
                    if (matches(q, f)) {
                        emitted++;
                        return f;
                    }
                }
                return null;
            }

            @Override public boolean hasNext() { return pending != null; }

            @Override
            public Feature next() {
                if (pending == null) throw new NoSuchElementException();
                Feature f = pending;
                pending = advance();
                return f;
            }
        });
    }

    @Override
    public long count(FeatureQuery q) {
        if (q.bbox() == null && q.filter() instanceof Filter.Include) return size;
        long n = 0;
        for (int i = 0; i < size; i++) if (matches(q, feature(i))) n++;
        return n;
    }

    private static boolean matches(FeatureQuery q, Feature f) {
        if (q.bbox() != null && !q.bbox().intersects(f.geometry().getEnvelopeInternal())) return false;
        return q.filter() instanceof Filter.Include || FilterEvaluator.matches(q.filter(), f);
    }

    @Override
    public Envelope extent() { return new Envelope(MIN_LON, MIN_LON + SPAN, MIN_LAT, MIN_LAT + SPAN); }
}
