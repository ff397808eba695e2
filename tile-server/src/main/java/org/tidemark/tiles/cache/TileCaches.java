package org.tidemark.tiles.cache;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileSource;

/**
 * The registry of tile set caches and the layer-change hook. Each tile set registers the layers it is
 * drawn from and how to turn a tile coordinate into a lon/lat envelope; a change to a layer within an
 * area then drops exactly the tiles whose envelope meets that area, in every tile set that uses the
 * layer. Read paths may also report the layer's current {@code FeatureSource.version()}: a changed
 * version drops everything built from that layer (for stores that do not publish change areas).
 */
public final class TileCaches {
    private static final Logger LOG = LoggerFactory.getLogger(TileCaches.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private record Entry(CacheChain chain, Set<String> layers, Function<TileCoord, Envelope> bounds) {}

    private final Path root;
    private final long memoryBytesPerSet;
    private final Map<String, Entry> sets = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** @param root the disk cache root, or null for memory-only caches */
    public TileCaches(Path root, long memoryBytesPerSet) {
        this.root = root;
        this.memoryBytesPerSet = memoryBytesPerSet;
    }

    /**
     * Wraps a source in a cache chain.
     *
     * @param name   the tile set name (also its cache directory name)
     * @param layers the layers whose changes affect the tiles
     * @param bounds the lon/lat envelope of a tile (for targeted invalidation); null or a null answer
     *               means any change drops the tile
     */
    public CacheChain register(String name, TileSource source, Set<String> layers,
                               Function<TileCoord, Envelope> bounds) {
        if (!NAME.matcher(name).matches() || name.startsWith(".")) throw new IllegalArgumentException("bad tile set name");
        CacheChain chain = new CacheChain(source, root == null ? null : root.resolve(name), memoryBytesPerSet);
        sets.put(name, new Entry(chain, Set.copyOf(layers), bounds));
        return chain;
    }

    /** The chain of a tile set, registering it on first use. */
    public CacheChain registerIfAbsent(String name, java.util.function.Supplier<TileSource> source, Set<String> layers,
                                       Function<TileCoord, Envelope> bounds) {
        Entry e = sets.get(name);
        if (e != null) return e.chain;
        synchronized (this) {
            e = sets.get(name);
            return e != null ? e.chain : register(name, source.get(), layers, bounds);
        }
    }

    public List<String> names() { return sets.keySet().stream().sorted().toList(); }

    public CacheChain chain(String name) {
        Entry e = sets.get(name);
        return e == null ? null : e.chain;
    }

    /** A layer changed inside {@code area} (lon/lat; null = anywhere): drop the affected tiles. */
    public void layerChanged(String layer, Envelope area) {
        sets.forEach((name, e) -> {
            if (!e.layers.contains(layer)) return;
            LOG.info("invalidating tile set {} for a change of {} in {}", name, layer, area);
            if (area == null) e.chain.invalidateAll();
            else e.chain.invalidate(c -> {
                Envelope b = e.bounds == null ? null : e.bounds.apply(c);
                return b == null || b.intersects(area);
            });
        });
    }

    /** Reports a layer's current version; a different value than last time invalidates its tiles. */
    public void observeVersion(String layer, long version) {
        Long previous = versions.put(layer, version);
        if (previous != null && previous != version) layerChanged(layer, null);
    }
}
