package org.tidemark.data.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Sites reservoirs on the drained working grid: valley cells in the county's hills (20–300 m, 20–900 upstream
 * cells, 1.5 km from the sea, away from towns) where a dam 4–22 m high impounds the upstream cells below the
 * pool level without the basin spilling sideways. At most ten, 4.5 km apart.
 */
final class ReservoirSiting {
    private final Terrain t;
    private final GeometryFactory gf;

    ReservoirSiting(Terrain terrain, GeometryFactory gf) {
        this.t = terrain;
        this.gf = gf;
    }

    List<Terrain.Lake> site(double[] dist, boolean[] county, SplittableRandom rnd) {
        List<Terrain.Lake> lakes = new ArrayList<>();
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < t.z.length; i++) {
            if (!t.cLand[i] || !county[i] || t.acc[i] < 20 || t.acc[i] > 900 || t.z[i] < 20 || t.z[i] > 300 || dist[i] < 1.5) continue;
            double lon = t.coarse.lon(i % t.coarse.width());
            double lat = t.coarse.lat(i / t.coarse.width());
            boolean nearTown = t.towns.stream().anyMatch(x -> x.distanceKm(lon, lat) < x.radiusKm() + 1.0);
            if (!nearTown) candidates.add(new int[] {i, t.acc[i] + rnd.nextInt(200)});
        }
        candidates.sort(Comparator.<int[]>comparingInt(a -> -a[1]).thenComparingInt(a -> a[0]));
        for (int[] cand : candidates) {
            if (lakes.size() >= 10) break;
            int s = cand[0];
            double sLon = t.coarse.lon(s % t.coarse.width());
            double sLat = t.coarse.lat(s / t.coarse.width());
            boolean apart = lakes.stream().allMatch(l -> km(l.dam(), sLon, sLat) > 4.5);
            if (!apart) continue;
            for (double dh : new double[] {22, 16, 12, 8, 6, 4}) {
                Terrain.Lake lake = impound(s, t.z[s] + dh);
                if (lake != null) {
                    lakes.add(lake);
                    break;
                }
            }
        }
        return lakes;
    }

    private double km(int cell, double lon, double lat) {
        double dx = (t.coarse.lon(cell % t.coarse.width()) - lon) * Grid.metresPerDegLon() / 1000;
        double dy = (t.coarse.lat(cell / t.coarse.width()) - lat) * Grid.METRES_PER_DEG_LAT / 1000;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** The basin upstream of {@code dam} below {@code level}, or null if it spills sideways or is too small/large. */
    private Terrain.Lake impound(int dam, double level) {
        int w = t.coarse.width();
        boolean[] in = new boolean[t.z.length];
        List<Integer> cells = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(dam);
        in[dam] = true;
        while (!queue.isEmpty()) {
            int c = queue.poll();
            cells.add(c);
            if (cells.size() > 260) return null;
            t.forNeighbours(c, nb -> {
                if (!in[nb] && t.receiver[nb] == c && t.cLand[nb] && t.z[nb] < level) {
                    in[nb] = true;
                    queue.add(nb);
                }
            });
        }
        if (cells.size() < 3) return null;
        for (int c : cells) {
            double lon = t.coarse.lon(c % t.coarse.width());
            double lat = t.coarse.lat(c / t.coarse.width());
            for (Town town : t.towns) if (town.distanceKm(lon, lat) < town.radiusKm() * 1.6 + 0.5) return null;
        }
        int dc = dam % w;
        int dr = dam / w;
        for (int c : cells) {
            boolean[] leak = {false};
            t.forNeighbours(c, nb -> {
                boolean nearDam = Math.abs(nb % w - dc) <= 1 && Math.abs(nb / w - dr) <= 1;
                if (!in[nb] && !nearDam && t.z[nb] < level) leak[0] = true;
            });
            if (leak[0]) return null;
        }
        List<Geometry> boxes = new ArrayList<>();
        double half = t.coarse.resolution() * 0.62; // overlapping boxes join diagonal neighbours
        double bed = 0;
        for (int c : cells) {
            double lon = t.coarse.lon(c % w);
            double lat = t.coarse.lat(c / w);
            boxes.add(gf.toGeometry(new org.locationtech.jts.geom.Envelope(lon - half, lon + half, lat - half, lat + half)));
            bed += t.z[c];
        }
        Geometry u = UnaryUnionOp.union(boxes);
        Geometry s = DouglasPeuckerSimplifier.simplify(u, t.coarse.resolution() * 0.4);
        Polygon outline = largest(s.isValid() ? s : u);
        if (outline == null) return null;
        return new Terrain.Lake(dam, level, bed / cells.size(), cells.stream().mapToInt(Integer::intValue).toArray(), outline);
    }

    private static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) best = p;
        }
        return best;
    }

}
