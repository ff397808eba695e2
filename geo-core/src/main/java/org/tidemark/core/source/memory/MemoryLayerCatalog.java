package org.tidemark.core.source.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;

/**
 * A {@link LayerCatalog} over layer/source pairs held in memory (tests, HTTP slice tests, the demo wiring).
 * Thread-safe; {@link #layers()} keeps insertion order.
 */
public final class MemoryLayerCatalog implements LayerCatalog {
    private record Entry(Layer layer, FeatureSource source) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public MemoryLayerCatalog() {}

    /** A catalog of the given pairs. */
    public MemoryLayerCatalog(Map<Layer, ? extends FeatureSource> pairs) {
        pairs.forEach(this::add);
    }

    /** Adds or replaces a layer; the source's type must be the layer's type (same name). */
    public synchronized MemoryLayerCatalog add(Layer layer, FeatureSource source) {
        if (!layer.name().equals(source.type().name())) {
            throw new IllegalArgumentException("layer " + layer.name() + " has a source of type " + source.type().name());
        }
        entries.put(layer.name(), new Entry(layer, source));
        return this;
    }

    public synchronized boolean remove(String name) { return entries.remove(name) != null; }

    @Override
    public synchronized List<Layer> layers() {
        return entries.values().stream().map(Entry::layer).toList();
    }

    @Override
    public synchronized Optional<Layer> layer(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::layer);
    }

    @Override
    public synchronized Optional<FeatureSource> source(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::source);
    }
}
