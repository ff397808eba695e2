package org.tidemark.data.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.tidemark.core.feature.Feature;

/**
 * The emergency bureau's layers, derived from the DEM on a 5″ analysis grid (about 150 m):
 * low-lying areas (ground below 3 m within reach of a town) and flood-risk zones for a
 * 1-in-100-year storm surge (5.2 m) with a rainstorm: class 1 below 2.5 m, class 2 below 4.5 m, class 3
 * below 7 m or within one working cell of a stream and below 15 m. Connected cells become polygons.
 * The flood progression follows the storm tide hour by hour ({@link StormSurge}): land below the tide
 * level that the sea reaches through other such land (4-connected from sea cells), so that every step
 * holds the previous one.
 */
final class Hazards {
    static final int FACTOR = 5;
    static final double SURGE = 5.2;
    static final String SCENARIO = "百年一遇风暴潮叠加暴雨（潮位5.2米）/ 1-in-100-year storm surge with rainstorm (tide 5.2 m)";

    private final Terrain t;
    private final GeometryFactory gf;
    private final Grid grid;
    private final float[] h;
    final List<Feature> lowLying = new ArrayList<>();
    final List<Feature> floodZones = new ArrayList<>();
    final List<Feature> floodProgression = new ArrayList<>();
    /** Sea cells of the analysis grid (no DEM value and not a reservoir). */
    private final boolean[] sea;

    Hazards(Terrain terrain, GeometryFactory gf) {
        this.t = terrain;
        this.gf = gf;
        this.grid = terrain.fine.coarser(FACTOR);
        this.h = new float[grid.size()];
        this.sea = new boolean[grid.size()];
        boolean[] nearStream = streamProximity();
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                int fc = c * FACTOR + FACTOR / 2;
                int fr = r * FACTOR + FACTOR / 2;
                int fi = terrain.fine.index(fc, fr);
                h[grid.index(c, r)] = terrain.reservoirMask[fi] ? Float.NaN : terrain.dem[fi];
                sea[grid.index(c, r)] = Float.isNaN(terrain.dem[fi]) && !terrain.reservoirMask[fi];
            }
        }
        int[] cls = new int[grid.size()];
        boolean[] low = new boolean[grid.size()];
        for (int i = 0; i < h.length; i++) {
            float v = h[i];
            if (Float.isNaN(v)) continue;
            double lon = grid.lon(i % grid.width());
            double lat = grid.lat(i / grid.width());
            Town town = nearest(lon, lat);
            low[i] = v < 3.0 && town.distanceKm(lon, lat) < town.radiusKm() + 3;
            cls[i] = v < 2.5 ? 1 : v < 4.5 ? 2 : (v < 7 || (nearStream[i] && v < 15)) ? 3 : 0;
        }
        Map<String, Integer> perTown = new HashMap<>();
        for (Region reg : regions(i -> low[i] ? 1 : 0, 6)) {
            double lon = reg.outline.getInteriorPoint().getX();
            double lat = reg.outline.getInteriorPoint().getY();
            Town town = nearest(lon, lat);
            int k = perTown.merge(town.id(), 1, Integer::sum);
            lowLying.add(new Feature("low_lying_areas." + (lowLying.size() + 1), reg.outline, Geo.props(
                    "name", town.zh() + "低洼区" + Geo.cn(Math.min(k, 99)), "min_elev", Geo.round2(reg.minH),
                    "area_km2", Geo.round2(reg.areaKm2))));
        }
        for (Region reg : regions(i -> cls[i], 4)) {
            double depth = reg.value == 3 && reg.minH >= 4.5 ? 1.0 : Math.max(0.3, SURGE - reg.minH);
            floodZones.add(new Feature("flood_zones." + (floodZones.size() + 1), reg.outline, Geo.props(
                    "risk_class", reg.value, "scenario", SCENARIO, "max_depth_m", Geo.round1(depth))));
        }
        for (StormSurge step : StormSurge.steps()) {
            boolean[] wet = reachedBySea(step.tideLevel());
            for (Region reg : regions(i -> wet[i] ? 1 : 0, 4)) {
                floodProgression.add(new Feature("flood_progression." + (floodProgression.size() + 1), reg.outline, Geo.props(
                        "step_time", step.time(), "step", step.step(), "tide_level_m", step.tideLevel(),
                        "max_depth_m", Geo.round1(step.tideLevel() - reg.minH), "area_km2", Geo.round2(reg.areaKm2),
                        "scenario", SCENARIO)));
            }
        }
    }

    /** Land cells below {@code level} that the sea reaches through land below it (4-connected flood fill). */
    boolean[] reachedBySea(double level) {
        int w = grid.width();
        boolean[] wet = new boolean[grid.size()];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int i = 0; i < sea.length; i++) if (sea[i]) q.add(i);
        boolean[] seen = sea.clone();
        while (!q.isEmpty()) {
            int c = q.poll();
            int cx = c % w;
            int cy = c / w;
            int[][] nbs = {{cx - 1, cy}, {cx + 1, cy}, {cx, cy - 1}, {cx, cy + 1}};
            for (int[] nb : nbs) {
                if (!grid.contains(nb[0], nb[1])) continue;
                int n = grid.index(nb[0], nb[1]);
                if (seen[n] || Float.isNaN(h[n]) || h[n] >= level) continue;
                seen[n] = true;
                wet[n] = true;
                q.add(n);
            }
        }
        return wet;
    }

    private Town nearest(double lon, double lat) {
        return t.towns.stream().min(Comparator.comparingDouble(x -> x.distanceKm(lon, lat))).orElseThrow();
    }

    private boolean[] streamProximity() {
        boolean[] near = new boolean[grid.size()];
        int ratio = Terrain.FACTOR / FACTOR;
        for (Terrain.StreamLine s : t.streams) {
            for (int cell : s.cells()) {
                int cc = cell % t.coarse.width();
                int cr = cell / t.coarse.width();
                for (int r = (cr - 1) * ratio; r < (cr + 2) * ratio; r++) {
                    for (int c = (cc - 1) * ratio; c < (cc + 2) * ratio; c++) {
                        if (grid.contains(c, r)) near[grid.index(c, r)] = true;
                    }
                }
            }
        }
        return near;
    }

    private record Region(int value, Polygon outline, double minH, double areaKm2) {}

    /** 4-connected regions of equal non-zero value with at least {@code minCells} cells, as simplified polygons. */
    private List<Region> regions(java.util.function.IntUnaryOperator value, int minCells) {
        int w = grid.width();
        boolean[] seen = new boolean[grid.size()];
        double cellKm2 = (grid.resolution() * Geo.mx() / 1000) * (grid.resolution() * Geo.my() / 1000);
        List<Region> out = new ArrayList<>();
        for (int start = 0; start < grid.size(); start++) {
            int v = value.applyAsInt(start);
            if (v == 0 || seen[start]) continue;
            List<Integer> cells = new ArrayList<>();
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(start);
            seen[start] = true;
            double minH = Double.MAX_VALUE;
            while (!q.isEmpty()) {
                int c = q.poll();
                cells.add(c);
                minH = Math.min(minH, h[c]);
                int cx = c % w;
                int cy = c / w;
                int[][] nbs = {{cx - 1, cy}, {cx + 1, cy}, {cx, cy - 1}, {cx, cy + 1}};
                for (int[] nb : nbs) {
                    if (!grid.contains(nb[0], nb[1])) continue;
                    int n = grid.index(nb[0], nb[1]);
                    if (!seen[n] && value.applyAsInt(n) == v) {
                        seen[n] = true;
                        q.add(n);
                    }
                }
            }
            if (cells.size() < minCells) continue;
            Polygon outline = outline(cells);
            if (outline != null) out.add(new Region(v, outline, minH, cells.size() * cellKm2));
        }
        return out;
    }

    /** Row runs of cells → rectangles → union → topology-preserving simplification → largest polygon. */
    private Polygon outline(List<Integer> cells) {
        int w = grid.width();
        cells.sort(Integer::compare);
        List<Geometry> rects = new ArrayList<>();
        int i = 0;
        double res = grid.resolution();
        while (i < cells.size()) {
            int first = cells.get(i);
            int j = i;
            while (j + 1 < cells.size() && cells.get(j + 1) == cells.get(j) + 1 && cells.get(j + 1) / w == first / w) j++;
            int r = first / w;
            double west = grid.west() + (first % w) * res;
            double east = grid.west() + (cells.get(j) % w + 1) * res;
            double north = grid.north() - r * res;
            rects.add(gf.toGeometry(new Envelope(west, east, north - res, north)));
            i = j + 1;
        }
        Geometry u = UnaryUnionOp.union(rects);
        Geometry s = TopologyPreservingSimplifier.simplify(u, res * 0.5);
        Polygon best = null;
        for (int k = 0; k < s.getNumGeometries(); k++) {
            if (s.getGeometryN(k) instanceof Polygon p && !p.isEmpty() && (best == null || p.getArea() > best.getArea())) best = p;
        }
        if (best == null) return null;
        var pm = new org.locationtech.jts.precision.GeometryPrecisionReducer(new org.locationtech.jts.geom.PrecisionModel(1e7));
        Geometry reduced = pm.reduce(best);
        return reduced instanceof Polygon p && !p.isEmpty() ? p : best;
    }
}
