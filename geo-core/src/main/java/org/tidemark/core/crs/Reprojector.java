package org.tidemark.core.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.tidemark.core.error.GeoServiceException;

/**
 * Transforms geometries between CRSs, all in east/north order (edges swap axes separately with
 * {@link #swapAxes(Geometry)}). Uses SIS {@code CRS.findOperation} and caches operations
 * ({@link OperationCache}). CGCS2000 (4490 and its projections) ↔ WGS 84 is an explicit null datum change:
 * there is no official transformation, and at the centimetre level the two coincide (see
 * shared/notes/crs-china.md), so 4490 → 4326 is exactly the identity.
 *
 * <p>Geometries are never modified: a transformed copy is returned (or the same instance when the
 * operation is the identity). Coordinates that cannot be transformed (outside the projection's domain)
 * raise {@link GeoServiceException#invalid}.
 */
public final class Reprojector {
    /** Points per envelope edge when densifying (so curved images of straight edges are covered). */
    static final int DENSIFY_POINTS_PER_EDGE = 32;

    private Reprojector() {}

    /** Transforms a lon/lat-or-east/north geometry from one CRS to another. */
    public static Geometry transform(Geometry g, Crs from, Crs to) {
        if (g == null) return null;
        MathTransform mt = OperationCache.transform(from, to);
        if (mt.isIdentity()) return g;
        Geometry out = new SequenceTransformer(mt).transform(g);
        out.setSRID(to.epsgCode());
        return out;
    }

    /**
     * Transforms an envelope: the edges are densified ({@value #DENSIFY_POINTS_PER_EDGE} points each) and an
     * interior grid is sampled, so the result covers the curved image of the box. A geographic source box is
     * first clipped to the target CRS's domain of validity when the target is a world-wide projection (e.g. to
     * ±85.06° for Web Mercator); regional projections such as the Gauss-Krüger zones are used beyond their
     * nominal zone, so boxes are not clipped for them.
     */
    public static Envelope transform(Envelope e, Crs from, Crs to) {
        if (e == null || e.isNull()) return new Envelope();
        MathTransform mt = OperationCache.transform(from, to);
        if (mt.isIdentity()) return new Envelope(e);
        Envelope source = e;
        Envelope domain = to.domainOfValidity();
        if (from.isGeographic() && !to.isGeographic() && domain.getWidth() >= 359) {
            source = e.intersection(domain);
            if (source.isNull()) {
                throw GeoServiceException.invalid("bbox", "Envelope " + e + " lies outside the domain of " + to);
            }
        }
        int n = DENSIFY_POINTS_PER_EDGE;
        double[] points = new double[2 * (n + 1) * (n + 1)];
        int k = 0;
        for (int i = 0; i <= n; i++) {
            double y = source.getMinY() + source.getHeight() * i / n;
            for (int j = 0; j <= n; j++) {
                points[k++] = source.getMinX() + source.getWidth() * j / n;
                points[k++] = y;
            }
        }
        Envelope result = new Envelope();
        double[] one = new double[2];
        for (int p = 0; p < points.length; p += 2) {
            try {
                mt.transform(points, p, one, 0, 1);
            } catch (TransformException ex) {
                continue;
            }
            if (Double.isFinite(one[0]) && Double.isFinite(one[1])) result.expandToInclude(one[0], one[1]);
        }
        if (result.isNull()) {
            throw GeoServiceException.invalid("bbox", "Envelope " + e + " cannot be transformed from " + from + " to " + to);
        }
        return result;
    }

    /** Transforms one east/north coordinate pair. */
    public static double[] transform(double x, double y, Crs from, Crs to) {
        MathTransform mt = OperationCache.transform(from, to);
        double[] xy = {x, y};
        if (mt.isIdentity()) return xy;
        try {
            mt.transform(xy, 0, xy, 0, 1);
        } catch (TransformException ex) {
            throw outside(from, to, ex);
        }
        return xy;
    }

    /**
     * A stored geometry (lon/lat on CGCS2000) as a client asked for it: transformed to the reference's CRS and
     * written in the axis order its spelling implies (e.g. lat/lon for {@code urn:ogc:def:crs:EPSG::4326}).
     */
    public static Geometry toWire(Geometry storage, CrsReference target) {
        Geometry g = transform(storage, Crs.cgcs2000(), target.crs());
        return target.swapsAxes() ? swapAxes(g) : g;
    }

    /** A geometry a client sent in {@code source} (its wire axis order), as stored: lon/lat on CGCS2000. */
    public static Geometry fromWire(Geometry wire, CrsReference source) {
        Geometry g = source.swapsAxes() ? swapAxes(wire) : wire;
        return transform(g, source.crs(), Crs.cgcs2000());
    }

    /** A stored lon/lat envelope in the client's CRS and axis order (densified, see {@link #transform(Envelope, Crs, Crs)}). */
    public static Envelope toWire(Envelope storage, CrsReference target) {
        Envelope e = transform(storage, Crs.cgcs2000(), target.crs());
        return target.swapsAxes() ? swap(e) : e;
    }

    /**
     * A bounding box a client sent in {@code source} (e.g. WFS {@code BBOX=29,121,30,122,urn:ogc:def:crs:EPSG::4326}),
     * as a lon/lat envelope on CGCS2000.
     */
    public static Envelope fromWire(Envelope wire, CrsReference source) {
        Envelope e = source.swapsAxes() ? swap(wire) : wire;
        return transform(e, source.crs(), Crs.cgcs2000());
    }

    private static Envelope swap(Envelope e) {
        return e.isNull() ? new Envelope() : new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
    }

    /** A copy of the geometry with x and y exchanged (for north/east wire order). */
    public static Geometry swapAxes(Geometry g) {
        if (g == null) return null;
        Geometry out = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                CoordinateSequence copy = coords.copy();
                for (int i = 0; i < copy.size(); i++) {
                    double x = copy.getX(i);
                    copy.setOrdinate(i, Coordinate.X, copy.getY(i));
                    copy.setOrdinate(i, Coordinate.Y, x);
                }
                return copy;
            }
        }.transform(g);
        out.setSRID(g.getSRID());
        out.setUserData(g.getUserData());
        return out;
    }

    static GeoServiceException outside(Crs from, Crs to, Exception cause) {
        return new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "InvalidParameterValue", null,
                "Coordinates cannot be transformed from " + from + " to " + to + ": " + cause.getMessage(), cause);
    }

    /** Applies a math transform to every coordinate sequence, keeping any z/m ordinates as they are. */
    private static final class SequenceTransformer extends GeometryTransformer {
        private final MathTransform mt;

        SequenceTransformer(MathTransform mt) {
            this.mt = mt;
        }

        @Override
        protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
            CoordinateSequence copy = coords.copy();
            int size = copy.size();
            if (size == 0) return copy;
            double[] xy = new double[2 * size];
            for (int i = 0; i < size; i++) {
                xy[2 * i] = copy.getX(i);
                xy[2 * i + 1] = copy.getY(i);
            }
            try {
                mt.transform(xy, 0, xy, 0, size);
            } catch (TransformException ex) {
                throw new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "InvalidParameterValue",
                        null, "Coordinates cannot be transformed: " + ex.getMessage(), ex);
            }
            for (int i = 0; i < size; i++) {
                copy.setOrdinate(i, Coordinate.X, xy[2 * i]);
                copy.setOrdinate(i, Coordinate.Y, xy[2 * i + 1]);
            }
            return copy;
        }
    }
}
