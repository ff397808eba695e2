package org.tidemark.tiles.web;

import java.lang.ref.SoftReference;
import org.springframework.http.MediaType;
import org.tidemark.core.tile.TileResult;

/**
 * A cached tile in the form {@link TileFastPath} sends it: the quoted entity tag and the content type
 * rendered once, and — for tiles stored gzip-compressed — the decoded body kept after the first client
 * that does not accept gzip, so no request decodes or formats anything. The decoded copy is softly
 * held: it is outside the memory cache's byte budget, and the collector may reclaim it under pressure.
 */
final class PreparedTile {
    static final PreparedTile EMPTY = new PreparedTile(null, null, null, false);

    final String etag;
    final String contentType;
    final byte[] data;
    final boolean gzipped;
    private volatile SoftReference<byte[]> identity;

    private PreparedTile(String etag, String contentType, byte[] data, boolean gzipped) {
        this.etag = etag;
        this.contentType = contentType;
        this.data = data;
        this.gzipped = gzipped;
    }

    /** The prepared form of a cached result; never called with {@code NotFound}, which is not cached. */
    static PreparedTile of(TileResult result) {
        return switch (result) {
            case TileResult.Found f -> new PreparedTile("\"" + f.etag() + "\"",
                    MediaType.parseMediaType(f.mediaType()).toString(), f.data(), f.gzipped());
            case TileResult.Empty e -> EMPTY;
            case TileResult.NotFound nf -> null;
        };
    }

    boolean empty() { return data == null; }

    /** The body as sent without {@code Content-Encoding}. */
    byte[] identity() {
        if (!gzipped) return data;
        SoftReference<byte[]> ref = identity;
        byte[] plain = ref == null ? null : ref.get();
        if (plain == null) {
            plain = Gzip.decompress(data);
            identity = new SoftReference<>(plain);
        }
        return plain;
    }
}
