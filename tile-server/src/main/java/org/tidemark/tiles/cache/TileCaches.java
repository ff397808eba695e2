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
    private final MemoryTileCache.Budget memory;
    private final Map<String, Entry> sets = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /**
     * @param root        the disk cache root, or null for memory-only caches
     * @param memoryBytes the memory budget shared by all tile sets
     */
    public TileCaches(Path root, long memoryBytes) {
        this.root = root;
        this.memory = new MemoryTileCache.Budget(memoryBytes);
        loadVersions();
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
        CacheChain chain = new CacheChain(source, root == null ? null : root.resolve(name), memory, name);
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

    /**
     * Reports a layer's current version; a value different from the last one seen (in this process or,
     * with a disk cache, recorded by an earlier one) invalidates the tiles drawn from it. A layer seen for
     * the first time with a disk cache also invalidates, since the disk may hold tiles of unknown age.
     */
    public void observeVersion(String layer, long version) {
        Long previous = versions.put(layer, version);
        if (previous != null && previous == version) return;
        if (previous != null || root != null) {
            layerChanged(layer, null);
        }
        saveVersions();
    }

    private final Map<String, Long> lastChecked = new ConcurrentHashMap<>();
    /** How often a layer's version is asked for at most (it may cost a query). */
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    /**
     * As {@link #observeVersion(String, long)}, asking {@code version} at most once a second per layer, so
     * that request paths may call it for every tile.
     */
    public void observeVersion(String layer, java.util.function.LongSupplier version) {
        long now = System.nanoTime();
        Long last = lastChecked.get(layer);
        if (last != null && now - last < CHECK_INTERVAL_NANOS) return;
        lastChecked.put(layer, now);
        observeVersion(layer, version.getAsLong());
    }

    /** The shared memory budget (for metrics). */
    public MemoryTileCache.Budget memory() { return memory; }

    private Path versionsFile() { return root == null ? null : root.resolve("layer-versions.properties"); }

    private void loadVersions() {
        Path f = versionsFile();
        if (f == null || !java.nio.file.Files.isRegularFile(f)) return;
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(f)) {
            p.load(in);
            p.forEach((k, v) -> {
                try {
                    versions.put((String) k, Long.parseLong((String) v));
                } catch (NumberFormatException e) {
                    // ignore a damaged line: that layer is treated as unseen
                }
            });
        } catch (java.io.IOException e) {
            LOG.warn("cannot read {}: {}", f, e.toString());
        }
    }

    private synchronized void saveVersions() {
        Path f = versionsFile();
        if (f == null) return;
        java.util.Properties p = new java.util.Properties();
        versions.forEach((k, v) -> p.setProperty(k, Long.toString(v)));
        try {
            java.nio.file.Files.createDirectories(root);
            Path tmp = java.nio.file.Files.createTempFile(root, "versions", ".tmp");
            try (var out = java.nio.file.Files.newOutputStream(tmp)) {
                p.store(out, "last layer versions seen by the tile caches");
            }
            java.nio.file.Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            LOG.warn("cannot write {}: {}", f, e.toString());
        }
    }
}
