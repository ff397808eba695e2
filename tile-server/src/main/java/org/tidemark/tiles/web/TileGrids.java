package org.tidemark.tiles.web;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.tidemark.core.tile.TileMatrix;
import org.tidemark.core.tile.TileMatrixSet;

/**
 * Tile arithmetic shared by the raster and vector endpoints: envelopes of a tile in its own CRS and in
 * lon/lat, and the spherical Web Mercator projection (EPSG:3857, IOGP guidance note 7-2 §1.3.3.2) used
 * by WebMercatorQuad.
 */
public final class TileGrids {
    private static final double R = 6378137.0;
    private static final double MAX_LAT = 85.0511287798066;

    private TileGrids() {}

    /** The matrix of a set at a level, if the level exists and is within {@code maxZoom}. */
    public static Optional<TileMatrix> matrix(TileMatrixSet set, int z, int maxZoom) {
        if (z > maxZoom + set.firstLevel()) return Optional.empty();
        return set.matrix(z);
    }

    /**
     * The inclusive tile range {minCol, minRow, maxCol, maxRow} of a matrix that covers a lon/lat box, or null
     * when the box misses the matrix.
     */
    public static long[] range(TileMatrixSet set, TileMatrix m, Envelope lonLat) {
        double w = m.tileWidth() * m.cellSize(), h = m.tileHeight() * m.cellSize();
        double minX = set.geographic() ? lonLat.getMinX() : x(lonLat.getMinX());
        double maxX = set.geographic() ? lonLat.getMaxX() : x(lonLat.getMaxX());
        double minY = set.geographic() ? lonLat.getMinY() : y(lonLat.getMinY());
        double maxY = set.geographic() ? lonLat.getMaxY() : y(lonLat.getMaxY());
        long c0 = Math.max(0, (long) Math.floor((minX - m.originX()) / w));
        long c1 = Math.min(m.matrixWidth() - 1, (long) Math.ceil((maxX - m.originX()) / w) - 1);
        long r0 = Math.max(0, (long) Math.floor((m.originY() - maxY) / h));
        long r1 = Math.min(m.matrixHeight() - 1, (long) Math.ceil((m.originY() - minY) / h) - 1);
        return c0 > c1 || r0 > r1 ? null : new long[] {c0, r0, Math.max(c0, c1), Math.max(r0, r1)};
    }

    /** The tile's envelope in lon/lat. */
    public static Envelope lonLat(TileMatrixSet set, Envelope native_) {
        if (set.geographic()) return native_;
        return new Envelope(lon(native_.getMinX()), lon(native_.getMaxX()), lat(native_.getMinY()), lat(native_.getMaxY()));
    }

    public static double x(double lon) { return Math.toRadians(lon) * R; }

    public static double y(double lat) {
        double l = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(l) / 2));
    }

    public static double lon(double x) { return Math.toDegrees(x / R); }

    public static double lat(double y) { return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2); }

    /** A lon/lat geometry in the set's CRS (projected for WebMercatorQuad, unchanged for geographic sets). */
    public static Geometry project(TileMatrixSet set, Geometry g) {
        if (set.geographic()) return g;
        return new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence seq, Geometry parent) {
                Coordinate[] cs = seq.toCoordinateArray();
                Coordinate[] out = new Coordinate[cs.length];
                for (int i = 0; i < cs.length; i++) out[i] = new Coordinate(x(cs[i].x), y(cs[i].y));
                return factory.getCoordinateSequenceFactory().create(out);
            }
        }.transform(g);
    }

    /** The union of a coordinate's lon/lat footprint in all published tile matrix sets (for cache invalidation). */
    public static Envelope anyTilingBounds(org.tidemark.core.tile.TileCoord c) {
        Envelope e = new Envelope();
        for (TileMatrixSet s : TileMatrixSet.ALL) {
            s.matrix(c.z()).filter(m -> m.contains(c.x(), c.y()))
                    .ifPresent(m -> e.expandToInclude(lonLat(s, m.envelope(c.x(), c.y()))));
        }
        return e.isNull() ? null : e;
    }
}
