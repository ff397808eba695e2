package org.tidemark.app.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;

/**
 * Keeps the stored layer list for a short time: every request asks the catalog several times (gate,
 * capabilities, source), and re-reading {@code tm_layer} each time would cost a query per question.
 * A few seconds of staleness is the price for layers published by another instance to appear.
 */
public final class CachedLayerCatalog implements LayerCatalog {
    private record Snapshot(List<Layer> layers, long loadedAt, java.util.Map<String, Optional<FeatureSource>> sources) {}

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
    public List<Layer> layers() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.loadedAt() > ttlNanos) {
            s = new Snapshot(delegate.layers(), now, new java.util.concurrent.ConcurrentHashMap<>());
            snapshot = s;
        }
        return s.layers();
    }

    @Override
    public Optional<FeatureSource> source(String name) {
        if (layer(name).isEmpty()) return Optional.empty();
        Snapshot s = snapshot;
        return s == null ? delegate.source(name) : s.sources().computeIfAbsent(name, delegate::source);
    }
}
