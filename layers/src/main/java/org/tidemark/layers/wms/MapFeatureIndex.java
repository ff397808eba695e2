package org.tidemark.layers.wms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureSource;

/**
 * An in-memory spatial index (JTS STR-tree) of the features of small layers, so that drawing a map asks
 * the store only for the layer's version instead of running a bounding-box query and decoding every
 * geometry from WKB again. Every map is still drawn from the features; only reading them is saved.
 *
 * <p>Correctness rules: a snapshot belongs to one {@link FeatureSource#version()} and is used only while the
 * store reports that version (a write through any instance bumps it), and only for queries that select by
 * bounding box alone — the access gate's row filter, a spatial limit, CQL_FILTER or TIME send the query to
 * the store as before, so no filter is ever evaluated by a second implementation. The box test is the
 * store's: the feature's envelope meets the box (FES 2.0 {@code BBOX}, {@code &&}), and the order is the
 * store's (feature id).
 *
 * <p>Bounds: a layer is indexed only after it was asked for twice at the same version (so a layer whose
 * data changes all the time is never copied), only up to {@link #MAX_FEATURES} features and
 * {@link #MAX_COORDINATES} coordinates, and all snapshots together hold at most {@link #BUDGET_COORDINATES}
 * (the least recently used go first).
 */
final class MapFeatureIndex {
    static final int MAX_FEATURES = 200_000;
    static final long MAX_COORDINATES = 600_000;
    static final long BUDGET_COORDINATES = 1_500_000;

    private record Snapshot(long version, STRtree tree, List<Feature> features, long coordinates) {}

    private static final class Slot {
        volatile Snapshot snapshot;
        volatile long seenVersion = Long.MIN_VALUE;
        volatile long tooLargeVersion = Long.MIN_VALUE;
        final AtomicBoolean loading = new AtomicBoolean();
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>(16, 0.75f, true);
    private final long maxFeatures;
    private final long maxCoordinates;
    private final long budget;

    MapFeatureIndex() { this(MAX_FEATURES, MAX_COORDINATES, BUDGET_COORDINATES); }

    MapFeatureIndex(long maxFeatures, long maxCoordinates, long budget) {
        this.maxFeatures = maxFeatures;
        this.maxCoordinates = maxCoordinates;
        this.budget = budget;
    }

    /**
     * The features of {@code query} from the layer's snapshot, or from the store when the query selects by
     * more than its box or no current snapshot exists.
     */
    FeatureCursor query(FeatureSource source, FeatureQuery query) {
        return indexable(query) ? query(source, query, source.version()) : source.query(query);
    }

    /** As {@link #query(FeatureSource, FeatureQuery)}, with the source's version already read by the caller. */
    FeatureCursor query(FeatureSource source, FeatureQuery query, long version) {
        if (!indexable(query)) return source.query(query);
        Slot slot = slot(query.typeName());
        Snapshot s = slot.snapshot;
        if (s != null && s.version() == version) return cursor(s, query.bbox());
        if (slot.seenVersion != version) {
            slot.seenVersion = version;
            return source.query(query);
        }
        if (slot.tooLargeVersion == version || !slot.loading.compareAndSet(false, true)) return source.query(query);
        try {
            Snapshot loaded = load(source, query.typeName(), version);
            if (loaded == null) {
                slot.tooLargeVersion = version;
                slot.snapshot = null;
                return source.query(query);
            }
            slot.snapshot = loaded;
            trim(query.typeName());
            return cursor(loaded, query.bbox());
        } finally {
            slot.loading.set(false);
        }
    }

    /** Only plain box queries over all attributes in the store's order may be answered from memory. */
    static boolean indexable(FeatureQuery q) {
        return q.filter() instanceof Filter.Include && q.bbox() != null && !q.bbox().isNull() && q.properties() == null
                && q.sortBy().isEmpty() && q.offset() == 0 && q.limit() < 0;
    }

    private synchronized Slot slot(String name) {
        return slots.computeIfAbsent(name, n -> new Slot());
    }

    /** Drops the least recently used snapshots (never {@code keep}) until all fit the budget. */
    private synchronized void trim(String keep) {
        long total = 0;
        for (Slot s : slots.values()) {
            Snapshot snap = s.snapshot;
            if (snap != null) total += snap.coordinates();
        }
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            if (total <= budget) break;
            Snapshot snap = e.getValue().snapshot;
            if (snap == null || e.getKey().equals(keep)) continue;
            total -= snap.coordinates();
            e.getValue().snapshot = null;
        }
    }

    private Snapshot load(FeatureSource source, String typeName, long version) {
        List<Feature> features = new ArrayList<>();
        STRtree tree = new STRtree();
        long coordinates = 0;
        try (FeatureCursor c = source.query(FeatureQuery.all(typeName))) {
            while (c.hasNext()) {
                Feature f = c.next();
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) continue; // never matched by a box query
                coordinates += g.getNumPoints();
                if (features.size() >= maxFeatures || coordinates > maxCoordinates) return null;
                tree.insert(g.getEnvelopeInternal(), features.size());
                features.add(f);
            }
        }
        tree.build();
        return new Snapshot(version, tree, List.copyOf(features), coordinates);
    }

    private static FeatureCursor cursor(Snapshot s, Envelope box) {
        List<?> hits = s.tree().query(box);
        int[] order = new int[hits.size()];
        for (int i = 0; i < order.length; i++) order[i] = (Integer) hits.get(i);
        Arrays.sort(order);
        List<Feature> out = new ArrayList<>(order.length);
        for (int i : order) {
            Feature f = s.features().get(i);
            if (f.geometry().getEnvelopeInternal().intersects(box)) out.add(f);
        }
        return FeatureCursor.of(out.iterator());
    }

    /** Snapshots currently held (for tests). */
    synchronized int snapshots() {
        return (int) slots.values().stream().filter(s -> s.snapshot != null).count();
    }
}
