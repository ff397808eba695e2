package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Feature;

/**
 * Inter-town roads routed by A* over the 10″ terrain grid: cost is distance times a slope penalty, reservoirs
 * are avoided and short sea crossings (bridges to Nantian and Gaotang islands) cost twelve times land.
 * The G228 coastal national road runs Xizhou – Dancheng – Dingtang – Shipu; county roads link the other
 * towns and are named after their end towns (丹爵线 = Dancheng–Juexi), as Chinese county roads are.
 */
final class RoadNetwork {
    private static final String[][] NATIONAL = {{"xizhou", "qiangtou", "dancheng", "xiaotang", "xinqiao", "dingtang", "maoyang", "shipu"}};
    private static final String[][] COUNTY = {
        {"dancheng", "juexi"}, {"dancheng", "tuci"}, {"dancheng", "dongchen"}, {"xianxiang", "xizhou"},
        {"xianxiang", "qiangtou"}, {"huangbiao", "xizhou"}, {"sizhoutou", "daxu"}, {"daxu", "dancheng"},
        {"dongchen", "xiaotang"}, {"shipu", "hepu"}, {"maoyang", "gaotang"}, {"juexi", "dongchen"}, {"tuci", "xianxiang"}};

    private final Terrain t;
    private final GeometryFactory gf;
    final List<Feature> roads = new ArrayList<>();
    private final boolean[] lake;

    RoadNetwork(Terrain terrain, GeometryFactory gf) {
        this.t = terrain;
        this.gf = gf;
        this.lake = new boolean[terrain.coarse.size()];
        for (Terrain.Lake l : terrain.lakes) for (int c : l.cells()) lake[c] = true;
        Map<String, Town> towns = terrain.towns.stream().collect(Collectors.toMap(Town::id, Function.identity()));
        for (String[] chain : NATIONAL) {
            List<Coordinate> all = new ArrayList<>();
            for (int i = 0; i + 1 < chain.length; i++) {
                List<Coordinate> leg = route(towns.get(chain[i]), towns.get(chain[i + 1]));
                if (!all.isEmpty()) leg = leg.subList(1, leg.size());
                all.addAll(leg);
            }
            roads.add(new Feature("roads.g228", Geo.line(gf, Geo.chaikin(all, 2)), Geo.props("name", "G228国道", "class", "national")));
        }
        for (String[] pair : COUNTY) {
            Town a = towns.get(pair[0]);
            Town b = towns.get(pair[1]);
            String name = a.zh().substring(0, 1) + b.zh().substring(0, 1) + "线";
            roads.add(new Feature("roads." + a.id() + "-" + b.id(), Geo.line(gf, Geo.chaikin(route(a, b), 2)),
                    Geo.props("name", name, "class", "county")));
        }
    }

    /** Least-cost path between two towns over the working grid, as cell centres with exact end points. */
    private List<Coordinate> route(Town from, Town to) {
        Grid g = t.coarse;
        int w = g.width();
        int start = g.index(clamp(g.col(from.lon()), w), clamp(g.row(from.lat()), g.height()));
        int goal = g.index(clamp(g.col(to.lon()), w), clamp(g.row(to.lat()), g.height()));
        double[] cost = new double[g.size()];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        int[] prev = new int[g.size()];
        Arrays.fill(prev, -1);
        boolean[] closed = new boolean[g.size()];
        double cw = g.resolution() * Geo.mx();
        double ch = g.resolution() * Geo.my();
        CellHeap heap = new CellHeap();
        cost[start] = 0;
        heap.push(heuristic(g, start, goal, cw, ch), start);
        while (!heap.isEmpty()) {
            int c = heap.pop();
            if (closed[c]) continue;
            closed[c] = true;
            if (c == goal) break;
            int cx = c % w;
            int cy = c / w;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx | dy) == 0 || !g.contains(cx + dx, cy + dy)) continue;
                    int n = c + dy * w + dx;
                    if (closed[n]) continue;
                    double dist = Math.sqrt(dx * dx * cw * cw + dy * dy * ch * ch);
                    double step;
                    if (!t.cLand[n]) {
                        step = dist * 12;
                    } else {
                        double slope = Math.abs(t.z[n] - (t.cLand[c] ? t.z[c] : 0)) / dist;
                        step = dist * (1 + 60 * slope * slope + 25 * slope) + (inLake(n) ? 1e6 : 0);
                    }
                    double nc = cost[c] + step;
                    if (nc < cost[n]) {
                        cost[n] = nc;
                        prev[n] = c;
                        heap.push(nc + heuristic(g, n, goal, cw, ch), n);
                    }
                }
            }
        }
        List<Coordinate> path = new ArrayList<>();
        for (int c = goal; c != -1; c = prev[c]) path.add(0, new Coordinate(g.lon(c % w), g.lat(c / w)));
        path.set(0, new Coordinate(from.lon(), from.lat()));
        if (path.size() > 1) path.set(path.size() - 1, new Coordinate(to.lon(), to.lat()));
        else path.add(new Coordinate(to.lon(), to.lat()));
        return path;
    }

    private boolean inLake(int cell) { return lake[cell]; }

    private static double heuristic(Grid g, int a, int b, double cw, double ch) {
        double dx = (a % g.width() - b % g.width()) * cw;
        double dy = (a / g.width() - b / g.width()) * ch;
        return Math.sqrt(dx * dx + dy * dy);
    }

    private static int clamp(int v, int n) { return Math.max(0, Math.min(n - 1, v)); }
}
