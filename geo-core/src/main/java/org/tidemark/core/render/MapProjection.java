package org.tidemark.core.render;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;

/**
 * How lon/lat feature coordinates (CGCS2000, x = longitude) map to the east/north coordinates of the
 * map's CRS. Geographic CRSs (EPSG:4326, 4490, CRS84) need no transform and Web Mercator (EPSG:3857)
 * has a closed form (EPSG Guidance Note 7-2 §1.3.3.2, "Popular Visualisation Pseudo Mercator"); every
 * other CRS goes through {@link Reprojector}.
 */
public abstract sealed class MapProjection {
    /** WGS 84 / CGCS2000 semi-major axis, used by the spherical Pseudo-Mercator. */
    static final double R = 6378137.0;
    /** Metres per degree on the equator of that sphere: the OGC scale convention for geographic CRSs. */
    public static final double METRES_PER_DEGREE = 2 * Math.PI * R / 360.0;
    private static final double MAX_LAT = 85.0511287798066;

    private static final MapProjection GEOGRAPHIC = new Geographic();
    private static final MapProjection WEB_MERCATOR = new WebMercator();

    public static MapProjection geographic() { return GEOGRAPHIC; }

    public static MapProjection webMercator() { return WEB_MERCATOR; }

    /** A projection through Apache SIS to the given CRS (east/north order). */
    public static MapProjection of(Crs crs) {
        if (crs.epsgCode() != 0) {
            MapProjection fast = fastPath(crs.epsgCode());
            if (fast != null) return fast;
        }
        return new Reprojected(crs);
    }

    /** The fast path for an EPSG code ({@code 0} meaning CRS84), or {@link Reprojected} through {@code Crs.epsg}. */
    public static MapProjection forEpsg(int code) {
        MapProjection fast = fastPath(code);
        return fast != null ? fast : new Reprojected(Crs.epsg(code));
    }

    private static MapProjection fastPath(int code) {
        return switch (code) {
            case 0, 4326, 4490, 4258, 4269, 4283 -> GEOGRAPHIC;
            case 3857, 900913, 3785, 102100 -> WEB_MERCATOR;
            default -> null;
        };
    }

    /** Projects lon/lat pairs in place ({@code xy[2i]} longitude, {@code xy[2i+1]} latitude). */
    abstract void forward(double[] xy, int count);

    /** The map coordinate of one lon/lat position. */
    public double[] forward(double lon, double lat) {
        double[] xy = {lon, lat};
        if (perVertex()) forward(xy, 1);
        else {
            Geometry g = forward(new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat)));
            xy[0] = g.getCoordinate().x;
            xy[1] = g.getCoordinate().y;
        }
        return xy;
    }

    /** The lon/lat of one map coordinate. */
    public abstract double[] inverse(double x, double y);

    /** A geometry in map coordinates (may be the same instance when no transform is needed). */
    public Geometry forward(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            final double[] buf = new double[2];

            public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
                buf[0] = seq.getX(i);
                buf[1] = seq.getY(i);
                forward(buf, 1);
                seq.setOrdinate(i, 0, buf[0]);
                seq.setOrdinate(i, 1, buf[1]);
            }

            public boolean isDone() { return false; }

            public boolean isGeometryChanged() { return true; }
        });
        return g;
    }

    /** The lon/lat envelope covering a map-CRS envelope (edges densified for curved projections). */
    public abstract Envelope toLonLat(Envelope map);

    /** Metres per map unit, for the OGC scale denominator. */
    public abstract double metresPerUnit();

    /** True when map coordinates are lon/lat degrees. */
    public boolean isGeographic() { return false; }

    /** True when {@link #forward(double[], int)} is cheap enough to run per vertex while drawing. */
    boolean perVertex() { return true; }

    static final class Geographic extends MapProjection {
        void forward(double[] xy, int count) { }

        public double[] inverse(double x, double y) { return new double[] {x, y}; }

        @Override
        public Geometry forward(Geometry lonLat) { return lonLat; }

        public Envelope toLonLat(Envelope map) { return new Envelope(map); }

        public double metresPerUnit() { return METRES_PER_DEGREE; }

        @Override
        public boolean isGeographic() { return true; }
    }

    static final class WebMercator extends MapProjection {
        void forward(double[] xy, int count) {
            for (int i = 0; i < 2 * count; i += 2) {
                double lat = Math.max(-MAX_LAT, Math.min(MAX_LAT, xy[i + 1]));
                xy[i] = R * Math.toRadians(xy[i]);
                xy[i + 1] = R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2));
            }
        }

        public double[] inverse(double x, double y) {
            return new double[] {Math.toDegrees(x / R), Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2)};
        }

        public Envelope toLonLat(Envelope map) {
            double[] a = inverse(map.getMinX(), map.getMinY());
            double[] b = inverse(map.getMaxX(), map.getMaxY());
            return new Envelope(a[0], b[0], a[1], b[1]);
        }

        public double metresPerUnit() { return 1; }
    }

    static final class Reprojected extends MapProjection {
        private final Crs target;
        private final Crs lonLat;

        Reprojected(Crs target) {
            this.target = target;
            this.lonLat = Crs.epsg(4490);
        }

        void forward(double[] xy, int count) {
            for (int i = 0; i < 2 * count; i += 2) {
                double[] p = Reprojector.transform(xy[i], xy[i + 1], lonLat, target);
                xy[i] = p[0];
                xy[i + 1] = p[1];
            }
        }

        @Override
        public Geometry forward(Geometry g) { return Reprojector.transform(g, lonLat, target); }

        public double[] inverse(double x, double y) { return Reprojector.transform(x, y, target, lonLat); }

        public Envelope toLonLat(Envelope map) { return Reprojector.transform(map, target, lonLat); }

        public double metresPerUnit() { return target.isGeographic() ? METRES_PER_DEGREE : target.metresPerUnit(); }

        @Override
        public boolean isGeographic() { return target.isGeographic(); }

        @Override
        boolean perVertex() { return false; }
    }
}
