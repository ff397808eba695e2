package org.tidemark.layers.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The ground footprint of a camera's view: a circular sector from the camera position along its
 * heading (degrees clockwise from north) with the horizontal field of view and range. Built in a local
 * tangent plane (metres) and converted back to lon/lat, exact enough for ranges of a few kilometres.
 */
final class ViewCone {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final double M_PER_DEG_LAT = 110_574.0;
    private static final double M_PER_DEG_LON_EQ = 111_320.0;

    private ViewCone() {}

    static Polygon of(double lon, double lat, double headingDeg, double fovDeg, double rangeM) {
        double fov = Math.max(1, Math.min(fovDeg, 359));
        int steps = Math.max(4, (int) Math.ceil(fov / 5));
        Coordinate[] ring = new Coordinate[steps + 3];
        ring[0] = new Coordinate(lon, lat);
        double mPerDegLon = M_PER_DEG_LON_EQ * Math.cos(Math.toRadians(lat));
        for (int i = 0; i <= steps; i++) {
            double a = Math.toRadians(headingDeg - fov / 2 + fov * i / steps);
            ring[i + 1] = new Coordinate(lon + rangeM * Math.sin(a) / mPerDegLon, lat + rangeM * Math.cos(a) / M_PER_DEG_LAT);
        }
        ring[steps + 2] = new Coordinate(lon, lat);
        return GF.createPolygon(ring);
    }
}
