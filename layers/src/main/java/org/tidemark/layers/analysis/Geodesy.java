package org.tidemark.layers.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/** Small spherical measures for reports (lengths and distances of a few km, ±0.5 %). */
final class Geodesy {
    private static final double R = 6_371_008.8;

    private Geodesy() {}

    static double distanceMetres(Coordinate a, Coordinate b) {
        double p1 = Math.toRadians(a.y);
        double p2 = Math.toRadians(b.y);
        double dp = p2 - p1;
        double dl = Math.toRadians(b.x - a.x);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static double lengthMetres(Geometry g) {
        double len = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof LineString line) {
                Coordinate[] cs = line.getCoordinates();
                for (int k = 1; k < cs.length; k++) len += distanceMetres(cs[k - 1], cs[k]);
            }
        }
        return len;
    }
}
