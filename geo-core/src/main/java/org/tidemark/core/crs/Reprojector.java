package org.tidemark.core.crs;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Transforms geometries between CRSs, all in east/north order (edges swap axes separately with
 * {@link #swapAxes(Geometry)}). Uses SIS {@code CRS.findOperation} with the area of interest and caches
 * operations. CGCS2000 (4490 and its projections) ↔ WGS 84 is an explicit null datum change: there is no
 * official transformation, and at the centimetre level the two coincide (see shared/notes/crs-china.md).
 */
public final class Reprojector {
    private Reprojector() {}

    /** Transforms a lon/lat-or-east/north geometry from one CRS to another. */
    public static Geometry transform(Geometry g, Crs from, Crs to) { throw new UnsupportedOperationException("todo"); }

    /** Transforms an envelope (densified edges, so curved projections of the box are covered). */
    public static Envelope transform(Envelope e, Crs from, Crs to) { throw new UnsupportedOperationException("todo"); }

    /** Transforms one east/north coordinate pair. */
    public static double[] transform(double x, double y, Crs from, Crs to) { throw new UnsupportedOperationException("todo"); }

    /** A copy of the geometry with x and y exchanged (for north/east wire order). */
    public static Geometry swapAxes(Geometry g) { throw new UnsupportedOperationException("todo"); }
}
