package org.tidemark.tiles.cache;

import java.util.function.Predicate;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileSource;

/**
 * A caching {@link TileSource} decorator. Lookups answer {@code NotFound} on a miss or an unreadable
 * entry, never throw, and fall through to the wrapped source.
 */
public interface TileCache extends TileSource {
    /** Drops the cached tiles (of every variant) whose coordinates match. */
    void invalidate(Predicate<TileCoord> which);

    default void invalidateAll() { invalidate(c -> true); }
}
