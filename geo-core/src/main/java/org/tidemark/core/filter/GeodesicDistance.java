package org.tidemark.core.filter;

import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.GeodeticCalculator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Distances in metres on the ellipsoid between lon/lat geometries, as {@code DWITHIN}/{@code BEYOND} need
 * (FES 2.0 §7.8.3.4, CQL2 has no distance operator; PostGIS {@code ST_DWithin(geography, ...)} is the SQL
 * counterpart).
 *
 * <p>Method: the two nearest points are found with JTS in a local equirectangular frame (longitudes scaled by
 * the cosine of the mean latitude, which makes the frame close to conformal over a county or a province),
 * then the geodesic distance between those two points is computed on the WGS 84 ellipsoid (= CGCS2000 to
 * 0.1 mm) with Karney's algorithm via Apache SIS {@link GeodeticCalculator}. Intersecting geometries are at
 * distance 0. For geometries hundreds of kilometres apart the choice of nearest points may differ slightly
 * from the true geodesic minimum; the distance between the chosen points is always exact.
 */
public final class GeodesicDistance {
    private static final ThreadLocal<GeodeticCalculator> CALCULATOR = ThreadLocal.withInitial(
            () -> GeodeticCalculator.create(CommonCRS.WGS84.geographic()));

    private GeodesicDistance() {}

    /** The geodesic distance in metres between two points given as longitude/latitude degrees. */
    public static double between(double lon1, double lat1, double lon2, double lat2) {
        if (lon1 == lon2 && lat1 == lat2) return 0;
        GeodeticCalculator calc = CALCULATOR.get();
        calc.setStartGeographicPoint(lat1, lon1);
        calc.setEndGeographicPoint(lat2, lon2);
        return calc.getGeodesicDistance();
    }

    /** The distance in metres between the nearest points of two lon/lat geometries (0 when they intersect). */
    public static double between(Geometry a, Geometry b) {
        if (a.isEmpty() || b.isEmpty()) return Double.NaN;
        if (a.intersects(b)) return 0;
        double meanLat = (a.getEnvelopeInternal().centre().y + b.getEnvelopeInternal().centre().y) / 2;
        double scale = Math.max(Math.cos(Math.toRadians(meanLat)), 1e-6);
        Coordinate[] nearest = DistanceOp.nearestPoints(scaled(a, scale), scaled(b, scale));
        return between(nearest[0].x / scale, nearest[0].y, nearest[1].x / scale, nearest[1].y);
    }

    /** Whether the geometries are within {@code metres} of each other (fast rejection by envelopes first). */
    public static boolean within(Geometry a, Geometry b, double metres) {
        if (a.isEmpty() || b.isEmpty()) return false;
        // One degree of latitude is at least 110 574 m; a degree of longitude is shorter, so compare latitudes only.
        double latGap = Math.max(0, Math.max(a.getEnvelopeInternal().getMinY() - b.getEnvelopeInternal().getMaxY(),
                b.getEnvelopeInternal().getMinY() - a.getEnvelopeInternal().getMaxY()));
        if (latGap * 110_574 > metres * 1.0001 + 1e-6) return false;
        return between(a, b) <= metres;
    }

    private static Geometry scaled(Geometry g, double scale) {
        return new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence coords, Geometry parent) {
                CoordinateSequence copy = coords.copy();
                for (int i = 0; i < copy.size(); i++) copy.setOrdinate(i, Coordinate.X, copy.getX(i) * scale);
                return copy;
            }
        }.transform(g);
    }
}
