package org.tidemark.sensors.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.sensor.Station;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.sensors.model.StationRegistry;
import org.tidemark.sensors.model.StationStates;

/**
 * The live {@code gauges} layer: a {@link FeatureSource} over the station register and the in-memory
 * latest values, so WMS, WFS, OGC API Features and MVT serve it like any stored layer. Queries are
 * answered from memory (a few hundred stations), filters evaluated with {@link FilterEvaluator}.
 * A query that restricts the time attribute {@code TM} (WMS {@code TIME}, WFS/CQL2 temporal filters) is
 * answered from the stored history instead, by {@link GaugeHistory}: the stations as they were then.
 * {@link #version()} changes with every new reading or status, for ETags and tile caches.
 */
public final class LiveGaugesLayer implements FeatureSource {
    private final StationRegistry stations;
    private final GaugeFeatures features;
    private final StationStates states;
    private final GaugeHistory history;
    private final Layer layer;

    /** A layer of latest values only (temporal filters are evaluated against the latest {@code TM}). */
    public LiveGaugesLayer(StationRegistry stations, GaugeFeatures features, StationStates states, Department department) {
        this(stations, features, states, null, department);
    }

    /** @param history answers temporal queries from the stored readings; null for latest values only */
    public LiveGaugesLayer(StationRegistry stations, GaugeFeatures features, StationStates states, GaugeHistory history,
                           Department department) {
        this.stations = stations;
        this.features = features;
        this.states = states;
        this.history = history;
        Department d = department != null ? department
                : new Department("water", LocalizedText.of("水利局", "Water Resources Bureau"));
        this.layer = new Layer(GaugeFeatures.TYPE, d, List.of("水文", "水位", "雨量", "hydrology", "gauges", "realtime"),
                "realtime", true, true, null);
    }

    /** The catalog entry for this layer (live, real-time, water department). */
    public Layer layer() { return layer; }

    @Override
    public FeatureType type() { return GaugeFeatures.TYPE; }

    @Override
    public FeatureCursor query(FeatureQuery query) {
        List<Feature> matched = matching(query);
        Comparator<Feature> order = comparator(query.sortBy());
        matched.sort(order);
        long from = Math.min(query.offset(), matched.size());
        long to = query.limit() < 0 ? matched.size() : Math.min(matched.size(), from + query.limit());
        List<Feature> page = matched.subList((int) from, (int) to);
        if (query.properties() != null) page = page.stream().map(f -> f.withOnly(query.properties())).toList();
        return FeatureCursor.of(page.iterator());
    }

    @Override
    public long count(FeatureQuery query) { return matching(query).size(); }

    @Override
    public Envelope extent() {
        if (stations.size() == 0) return null;
        Envelope e = new Envelope();
        for (Station s : stations.all()) e.expandToInclude(s.longitude(), s.latitude());
        return e;
    }

    /** The oldest stored reading: temporal queries answer from the history back to it. */
    @Override
    public Instant historyStart() { return history == null ? null : history.start().orElse(null); }

    @Override
    public long version() { return states.version(); }

    private List<Feature> matching(FeatureQuery q) {
        List<Feature> out = new ArrayList<>();
        Optional<GaugeHistory.Window> window = history == null ? Optional.empty() : GaugeHistory.window(q.filter());
        Map<String, Feature> past = window.map(w -> history.features(stations.all(), w)).orElse(null);
        for (Station s : stations.all()) {
            if (q.bbox() != null && !q.bbox().contains(s.longitude(), s.latitude())) continue;
            Feature f = past == null ? features.feature(s) : past.get(s.code());
            if (f == null) continue;
            if (!(q.filter() instanceof Filter.Include) && !FilterEvaluator.matches(q.filter(), f)) continue;
            out.add(f);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Feature> comparator(List<SortKey> keys) {
        Comparator<Feature> c = (a, b) -> 0;
        for (SortKey k : keys) {
            Comparator<Feature> byKey = Comparator.comparing(f -> (Comparable) f.get(k.property()),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            c = c.thenComparing(k.ascending() ? byKey : byKey.reversed());
        }
        return c.thenComparing(Feature::id);
    }
}
