package org.tidemark.app.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;

/**
 * Keeps the stored layer list for a short time: every request asks the catalog several times (gate,
 * capabilities, source), and re-reading {@code tm_layer} each time would cost a query per question.
 * A few seconds of staleness is the price for layers published by another instance to appear.
 */
public final class CachedLayerCatalog implements LayerCatalog {
    private record Snapshot(List<Layer> layers, Map<String, Layer> byName, long loadedAt, Map<String, Optional<FeatureSource>> sources) {
        static Snapshot of(List<Layer> layers, long now) {
            Map<String, Layer> byName = new HashMap<>();
            for (Layer l : layers) byName.putIfAbsent(l.name(), l);
            return new Snapshot(List.copyOf(layers), byName, now, new ConcurrentHashMap<>());
        }
    }

    private final LayerCatalog delegate;
    private final long ttlNanos;
    private volatile Snapshot snapshot;

    CachedLayerCatalog(LayerCatalog delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
    }

    /** Forget the cached list (after this instance published or changed a layer). */
    public void invalidate() { snapshot = null; }

    @Override
    public List<Layer> layers() { return current().layers(); }

    /** By name from the snapshot's index: the gate asks this for every layer of every request (and every tile). */
    @Override
    public Optional<Layer> layer(String name) { return Optional.ofNullable(current().byName().get(name)); }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.loadedAt() > ttlNanos) {
            s = Snapshot.of(delegate.layers(), now);
            snapshot = s;
        }
        return s;
    }

    @Override
    public Optional<FeatureSource> source(String name) {
        if (layer(name).isEmpty()) return Optional.empty();
        Snapshot s = snapshot;
        return s == null ? delegate.source(name) : s.sources().computeIfAbsent(name, delegate::source);
    }
}
