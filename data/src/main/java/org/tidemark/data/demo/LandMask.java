package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Scan-line rasterisation of polygons onto a {@link Grid} (cell centres, even-odd rule). */
final class LandMask {
    private LandMask() {}

    static boolean[] rasterize(List<? extends Geometry> geometries, Grid grid) {
        List<double[]> edges = new ArrayList<>();
        for (Geometry g : geometries) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                addRing(p.getExteriorRing(), edges);
                for (int h = 0; h < p.getNumInteriorRing(); h++) addRing(p.getInteriorRingN(h), edges);
            }
        }
        // bucket edges by the rows whose centre line they cross
        List<List<double[]>> rows = new ArrayList<>(grid.height());
        for (int r = 0; r < grid.height(); r++) rows.add(null);
        for (double[] e : edges) {
            double ymin = Math.min(e[1], e[3]);
            double ymax = Math.max(e[1], e[3]);
            int r0 = Math.max(0, (int) Math.floor((grid.north() - ymax) / grid.resolution() - 0.5));
            int r1 = Math.min(grid.height() - 1, (int) Math.ceil((grid.north() - ymin) / grid.resolution() - 0.5));
            for (int r = r0; r <= r1; r++) {
                double y = grid.lat(r);
                if ((e[1] <= y && y < e[3]) || (e[3] <= y && y < e[1])) {
                    if (rows.get(r) == null) rows.set(r, new ArrayList<>());
                    rows.get(r).add(e);
                }
            }
        }
        boolean[] mask = new boolean[grid.size()];
        double[] xs = new double[64];
        for (int r = 0; r < grid.height(); r++) {
            List<double[]> es = rows.get(r);
            if (es == null) continue;
            double y = grid.lat(r);
            if (xs.length < es.size()) xs = new double[es.size() * 2];
            int n = 0;
            for (double[] e : es) xs[n++] = e[0] + (y - e[1]) * (e[2] - e[0]) / (e[3] - e[1]);
            Arrays.sort(xs, 0, n);
            for (int k = 0; k + 1 < n; k += 2) {
                int c0 = Math.max(0, (int) Math.ceil((xs[k] - grid.west()) / grid.resolution() - 0.5));
                int c1 = Math.min(grid.width() - 1, (int) Math.floor((xs[k + 1] - grid.west()) / grid.resolution() - 0.5));
                for (int c = c0; c <= c1; c++) mask[grid.index(c, r)] = true;
            }
        }
        return mask;
    }

    private static void addRing(LineString ring, List<double[]> edges) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i + 1 < cs.length; i++) {
            if (cs[i].y != cs[i + 1].y) edges.add(new double[] {cs[i].x, cs[i].y, cs[i + 1].x, cs[i + 1].y});
        }
    }
}
