package org.tidemark.tiles.terrain;

import org.locationtech.jts.geom.Envelope;

/**
 * The geographic TMS tiling quantized-mesh-1.0 uses ("Tile Map Service" layout with the
 * {@code EPSG:4326} profile): level 0 is two tiles of 180°×180°, each level splits every tile in four, and
 * rows count from the south ({@code y = 0} touches −90°), which is the order Cesium requests with
 * {@code "scheme": "tms"}.
 */
final class GeographicTiling {
    private GeographicTiling() {}

    static double tileDegrees(int z) { return 180.0 / (1L << z); }

    static long columns(int z) { return 2L << z; }

    static long rows(int z) { return 1L << z; }

    static boolean contains(int z, long x, long y) {
        return x >= 0 && y >= 0 && x < columns(z) && y < rows(z);
    }

    static Envelope envelope(int z, long x, long y) {
        double d = tileDegrees(z);
        double west = -180 + x * d;
        double south = -90 + y * d;
        return new Envelope(west, west + d, south, south + d);
    }

    /** The inclusive tile ranges {minX, minY, maxX, maxY} covering an envelope at a level. */
    static long[] range(int z, Envelope env) {
        double d = tileDegrees(z);
        long minX = clamp((long) Math.floor((env.getMinX() + 180) / d), columns(z));
        long maxX = clamp((long) Math.ceil((env.getMaxX() + 180) / d) - 1, columns(z));
        long minY = clamp((long) Math.floor((env.getMinY() + 90) / d), rows(z));
        long maxY = clamp((long) Math.ceil((env.getMaxY() + 90) / d) - 1, rows(z));
        return new long[] {minX, minY, Math.max(minX, maxX), Math.max(minY, maxY)};
    }

    private static long clamp(long v, long n) { return Math.max(0, Math.min(n - 1, v)); }

    /**
     * The geometric error Cesium assigns to a level for a 2×1 geographic root (the level-0 maximum
     * geometric error of {@code QuadtreeTilingScheme}, ~77 km, halved per level): the mesh tolerance.
     */
    static double levelError(int z) {
        return Ellipsoid.A * 2 * Math.PI * 0.25 / (65 * 2) / (1L << z);
    }
}
