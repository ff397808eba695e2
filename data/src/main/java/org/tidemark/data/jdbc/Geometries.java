package org.tidemark.data.jdbc;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometry encoding for JDBC (WKB, OGC 06-103r4 §8) and the degree envelope that contains every point
 * within a distance in metres of a geometry (the index prefilter of geodesic DWithin).
 */
public final class Geometries {
    /** Metres per degree of latitude, a lower bound on the ellipsoid (at the equator: 110,574 m). */
    private static final double MIN_METRES_PER_DEGREE_LAT = 110_574.0;
    /** Metres per degree of longitude at the equator on the GRS 80 / WGS 84 ellipsoid (upper bound of the factor). */
    private static final double METRES_PER_DEGREE_LON_EQUATOR = 111_319.49;

    private Geometries() {}

    /** 2D WKB: stored geometries are lon/lat; heights travel as attributes (e.g. {@code height}). */
    static byte[] toWkb(Geometry g) {

        return new WKBWriter(2).write(g);
    }

    static Geometry fromWkb(byte[] bytes, GeometryFactory factory) {
        if (bytes == null) return null;
        try {
            Geometry g = new WKBReader(factory).read(bytes);
            g.setSRID(factory.getSRID());
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not valid WKB", e);
        }
    }

    static GeometryFactory factory(int srid) { return new GeometryFactory(new PrecisionModel(), srid); }

    /**
     * An envelope in degrees that contains every point whose geodesic distance to {@code e} is at most
     * {@code metres}, padded by 1 % against the ellipsoid's variation; the whole longitude range near a pole.
     */
    public static Envelope expandByMetres(Envelope e, double metres) {
        double pad = Math.max(metres, 0) * 1.01 + 0.01; // + 1 cm against rounding
        double dLat = pad / MIN_METRES_PER_DEGREE_LAT;
        double minY = Math.max(-90, e.getMinY() - dLat);
        double maxY = Math.min(90, e.getMaxY() + dLat);
        double worstLat = Math.max(Math.abs(minY), Math.abs(maxY));
        if (worstLat >= 89.0) return new Envelope(-180, 180, minY, maxY);
        double dLon = pad / (METRES_PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(worstLat)) * 0.995);
        if (dLon >= 180) return new Envelope(-180, 180, minY, maxY);
        return new Envelope(e.getMinX() - dLon, e.getMaxX() + dLon, minY, maxY);
    }
}
