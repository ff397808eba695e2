package org.tidemark.tiles.web;

import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileSource;

/**
 * A validated, access-checked tile request reduced to where its answer lives: the tile set's source
 * (usually its cache chain), the coordinate and the cache variant (which encodes the caller's view of
 * the data, so scopes never share a tile). The controllers and {@link TileFastPath} both start from it,
 * so the two paths cannot disagree on validation, the gate or the cache key.
 *
 * @param source  the tile set's source, a {@code CacheChain} when cached
 * @param coord   the tile
 * @param variant the cache variant
 * @param vary    request headers beyond {@code Accept-Encoding} that select the variant, or null
 */
public record TileLookup(TileSource source, TileCoord coord, String variant, String vary) {
}
