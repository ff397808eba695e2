package org.tidemark.core.tile;

/**
 * The address of one tile: zoom (tile matrix) level, column and row, as a tile matrix set defines them
 * (OGC 17-083r4 §6.1: {@code tileMatrix}, {@code tileCol}, {@code tileRow}). The meaning of the row
 * (counted from the top as in WMTS, or from the bottom as in TMS) belongs to the tiling that issues it.
 */
public record TileCoord(int z, int x, int y) {
    /** The deepest level any Tidemark tiling accepts; keeps {@code 1 << z} arithmetic safe. */
    public static final int MAX_ZOOM = 24;

    public TileCoord {
        if (z < 0 || z > MAX_ZOOM) throw new IllegalArgumentException("zoom out of range: " + z);
        if (x < 0 || y < 0) throw new IllegalArgumentException("negative tile index");
    }

    public TileCoord parent() {
        if (z == 0) throw new IllegalStateException("level 0 has no parent");
        return new TileCoord(z - 1, x >> 1, y >> 1);
    }

    @Override
    public String toString() { return z + "/" + x + "/" + y; }
}
