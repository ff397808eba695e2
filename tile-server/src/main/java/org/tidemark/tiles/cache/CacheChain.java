package org.tidemark.tiles.cache;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.core.tile.TileSource;

/**
 * One tile set's chain: memory LRU → disk (when a directory is configured) → the generating source.
 * Invalidation reaches every layer of the chain.
 */
public final class CacheChain implements TileCache {
    private final MemoryTileCache memory;
    private final DiskTileCache disk;

    /** @param cacheDir the tile set's own directory, or null for memory only */
    public CacheChain(TileSource source, Path cacheDir, long memoryBytes) {
        this(source, cacheDir, new MemoryTileCache.Budget(memoryBytes), "");
    }

    /** A chain whose memory layer shares {@code budget} with other tile sets. */
    public CacheChain(TileSource source, Path cacheDir, MemoryTileCache.Budget budget, String name) {
        this.disk = cacheDir == null ? null : new DiskTileCache(source, cacheDir);
        this.memory = new MemoryTileCache(disk == null ? source : disk, budget, name);
    }

    @Override
    public TileResult tile(TileCoord c, String variant) { return memory.tile(c, variant); }

    @Override
    public void invalidate(Predicate<TileCoord> which) {
        if (disk != null) disk.invalidate(which);
        memory.invalidate(which);
    }

    public MemoryTileCache memory() { return memory; }
}
