package org.tidemark.core.tile;

/**
 * A producer of encoded tiles for one tile set. Caches implement it as decorators around a
 * generating source (memory → disk → source); every implementation answers misses with
 * {@link TileResult.NotFound} rather than throwing.
 */
@FunctionalInterface
public interface TileSource {
    /**
     * @param coord   the tile
     * @param variant a representation key (format, extension list...) that distinguishes encodings of
     *                the same tile; part of any cache key; never a file path
     */
    TileResult tile(TileCoord coord, String variant);
}
