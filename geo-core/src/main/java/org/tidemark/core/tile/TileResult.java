package org.tidemark.core.tile;

import java.util.Objects;

/**
 * What a {@link TileSource} answers: a tile with content, a tile that exists but is empty (HTTP 204,
 * OGC API Tiles 1.0 §7.1 permission 5), or no tile at all. Misses are values, not exceptions, so cache
 * decorators can chain sources without try/catch.
 */
public sealed interface TileResult {

    /**
     * @param data      the encoded bytes (gzip-compressed when {@code gzipped})
     * @param mediaType the content type, e.g. {@code application/vnd.quantized-mesh}
     * @param gzipped   whether {@code data} is gzip-compressed (sent with {@code Content-Encoding: gzip})
     * @param etag      a strong validator derived from the content (quoted when sent)
     */
    record Found(byte[] data, String mediaType, boolean gzipped, String etag) implements TileResult {
        public Found {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** The tile is inside the tiling and has no content. */
    record Empty() implements TileResult {}

    /** The source has no such tile (outside its extent, or a cache miss). */
    record NotFound() implements TileResult {}

    TileResult EMPTY = new Empty();
    TileResult NOT_FOUND = new NotFound();
}
