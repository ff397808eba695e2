package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.tidemark.core.feature.Feature;

/**
 * The water bureau's layers: reservoirs (from the terrain's impounded basins), streams (from its flow
 * network), seawalls along low coast near towns, and the station register with SL 323 field names and
 * thresholds. Threshold order follows the flood-control meaning of the levels (notes/hydrology-cn.md):
 * for reservoirs FSLTDZ (flood-limit) &lt; WRZ &lt; GRZ &lt; dam crest; for rivers and tide WRZ (warning) &lt; GRZ
 * (guarantee); rain thresholds grow with the window (1 h &lt; 3 h &lt; 24 h).
 */
final class WaterWorks {
    static final String[][] RESERVOIRS = {
        {"仓岙水库", "Cang'ao Reservoir"}, {"溪口水库", "Xikou Reservoir"}, {"隔溪张水库", "Gexizhang Reservoir"},
        {"上张水库", "Shangzhang Reservoir"}, {"平潭水库", "Pingtan Reservoir"}, {"里岙水库", "Li'ao Reservoir"},
        {"西溪水库", "Xixi Reservoir"}, {"溪里方水库", "Xilifang Reservoir"}, {"龙屿水库", "Longyu Reservoir"},
        {"胜利水库", "Shengli Reservoir"}};
    private static final String[] STREAM_SUFFIX = {"溪", "东溪", "西溪", "南溪", "北溪", "中溪", "后溪", "前溪"};
    private static final String[] STREAM_SUFFIX_EN = {"Stream", "East Stream", "West Stream", "South Stream",
        "North Stream", "Middle Stream", "Back Stream", "Front Stream"};
    static final String ADDVCD = "330225";
    static final String DATUM = "1985国家高程基准";

    private final Terrain t;
    private final GeometryFactory gf;
    private final SplittableRandom rnd;
    final List<Feature> reservoirs = new ArrayList<>();
    final List<Feature> streams = new ArrayList<>();
    final List<Feature> seawalls = new ArrayList<>();
    final List<Feature> stations = new ArrayList<>();
    /** Stream names by stream index (null for unnamed). */
    private final Map<Integer, String[]> streamNames = new HashMap<>();

    WaterWorks(Terrain terrain, List<Polygon> land, List<Town> villages, long seed, GeometryFactory gf) {
        this.t = terrain;
        this.gf = gf;
        this.rnd = new SplittableRandom(seed ^ 0x3A7E5L);
        reservoirs();
        streams();
        seawalls(land);
        stations(villages);
    }

    private Town nearestTown(double lon, double lat) {
        return t.towns.stream().min(Comparator.comparingDouble(x -> x.distanceKm(lon, lat))).orElseThrow();
    }

    private final List<double[]> reservoirLevels = new ArrayList<>();

    private void reservoirs() {
        for (int i = 0; i < t.lakes.size(); i++) {
            Terrain.Lake l = t.lakes.get(i);
            double cellArea = (t.coarse.resolution() * Geo.mx()) * (t.coarse.resolution() * Geo.my());
            double capacity = Geo.round2(l.cells().length * cellArea * (l.level() - l.meanBed()) / 1e6);
            double level = Geo.round2(l.level());
            double floodLimit = Geo.round2(level - rnd.nextDouble(1.0, 2.5));
            double crest = Geo.round2(level + rnd.nextDouble(3.5, 5.0));
            reservoirLevels.add(new double[] {floodLimit, level, crest});
            Polygon outline = (Polygon) DouglasPeuckerSimplifier.simplify(l.outline(), 1e-6);
            reservoirs.add(new Feature("reservoirs." + (i + 1), outline, Geo.props(
                    "name", RESERVOIRS[i][0], "capacity_mcm", capacity, "normal_level", level,
                    "flood_limit_level", floodLimit, "dam_crest", crest)));
        }
    }

    private Coordinate centre(int cell) {
        return new Coordinate(t.coarse.lon(cell % t.coarse.width()), t.coarse.lat(cell / t.coarse.width()));
    }

    private void streams() {
        Map<String, Integer> perTown = new HashMap<>();
        for (int i = 0; i < t.streams.size(); i++) {
            Terrain.StreamLine s = t.streams.get(i);
            List<Coordinate> pts = new ArrayList<>();
            for (int c : s.cells()) pts.add(centre(c));
            String name = null;
            if (s.order() >= 3) {
                Coordinate mouth = pts.get(pts.size() - 1);
                Town town = nearestTown(mouth.x, mouth.y);
                int k = perTown.merge(town.id(), 1, Integer::sum) - 1;
                name = town.zh() + (k < STREAM_SUFFIX.length ? STREAM_SUFFIX[k] : STREAM_SUFFIX[0] + Geo.cn(k + 1));
                streamNames.put(i, new String[] {name, town.en() + " " + (k < STREAM_SUFFIX_EN.length ? STREAM_SUFFIX_EN[k] : "Stream " + (k + 1))});
            }
            streams.add(new Feature("streams." + (i + 1), Geo.line(gf, Geo.chaikin(pts, 2)),
                    Geo.props("name", name, "order", s.order())));
        }
    }

    /** Runs of coastline next to low land (≤ 4.5 m) within reach of a town become seawalls. */
    private void seawalls(List<Polygon> land) {
        Map<String, Integer> perTown = new HashMap<>();
        for (Polygon p : land) {
            if (p.getArea() < 0.0004) continue;
            Coordinate[] cs = p.getExteriorRing().getCoordinates();
            List<Coordinate> run = new ArrayList<>();
            for (int i = 0; i <= cs.length; i++) {
                boolean ok = i < cs.length && qualifies(cs[i]);
                if (ok) run.add(cs[i]);
                if (!ok || i == cs.length) {
                    emitSeawall(run, perTown);
                    run = new ArrayList<>();
                }
            }
        }
    }

    private boolean qualifies(Coordinate c) {
        Town town = nearestTown(c.x, c.y);
        if (town.distanceKm(c.x, c.y) > town.radiusKm() + 4) return false;
        double sum = 0;
        int n = 0;
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                double h = t.height(c.x + dx * Grid.ARC_SECOND, c.y + dy * Grid.ARC_SECOND);
                if (!Double.isNaN(h)) {
                    sum += h;
                    n++;
                }
            }
        }
        return n > 0 && sum / n <= 4.5;
    }

    private void emitSeawall(List<Coordinate> run, Map<String, Integer> perTown) {
        if (run.size() < 2) return;
        LineString raw = gf.createLineString(run.toArray(new Coordinate[0]));
        double metres = raw.getLength() * Geo.mx();
        if (metres < 600) return;
        LineString line = (LineString) DouglasPeuckerSimplifier.simplify(raw, 0.00008);
        Coordinate mid = line.getCoordinateN(line.getNumPoints() / 2);
        Town town = nearestTown(mid.x, mid.y);
        int k = perTown.merge(town.id(), 1, Integer::sum);
        String standard = town.seat() || town.id().equals("shipu") ? "100年一遇" : town.radiusKm() >= 0.7 ? "50年一遇" : "20年一遇";
        double crest = Geo.round2(standard.startsWith("100") ? rnd.nextDouble(6.5, 7.2) : rnd.nextDouble(5.4, 6.5));
        seawalls.add(new Feature("seawalls." + (seawalls.size() + 1), line, Geo.props(
                "name", town.zh() + "海塘" + Geo.cn(Math.min(k, 99)) + "段", "crest_elevation", crest, "design_standard", standard)));
    }

    private void stations(List<Town> villages) {
        int[] seq = new int[5];
        // RR: one per reservoir, at the dam
        for (int i = 0; i < t.lakes.size(); i++) {
            Coordinate dam = centre(t.lakes.get(i).dam());
            double[] lv = reservoirLevels.get(i);
            double wrz = Geo.round2(lv[1] + rnd.nextDouble(0.3, 0.8));
            double grz = Geo.round2(lv[2] - rnd.nextDouble(0.8, 1.5));
            station("RR", 1, seq, dam, RESERVOIRS[i][0].replace("水库", "") + "水库站",
                    RESERVOIRS[i][1] + " station", lv[0], wrz, grz, null);
        }
        // TT: along seawalls, at least 3 km apart
        List<Coordinate> tide = new ArrayList<>();
        for (Feature s : seawalls) {
            LineString l = (LineString) s.geometry();
            Coordinate c = l.getCoordinateN(l.getNumPoints() / 2);
            if (tide.stream().allMatch(o -> Geo.metres(o.x, o.y, c.x, c.y) > 2500) && tide.size() < 20) tide.add(c);
        }
        for (Coordinate c : tide) {
            Town town = nearestTown(c.x, c.y);
            double wrz = Geo.round2(rnd.nextDouble(3.3, 3.9));
            double grz = Geo.round2(wrz + rnd.nextDouble(0.8, 1.2));
            station("TT", 3, seq, c, town.zh() + "潮位站" + (seq[3] + 1), town.en() + " tide station " + (seq[3] + 1), null, wrz, grz, null);
        }
        // ZZ: on streams of order ≥ 2 near towns, at least 1.8 km apart
        int wanted = Math.max(0, 60 - t.lakes.size() - tide.size());
        List<int[]> cands = new ArrayList<>();
        for (int si = 0; si < t.streams.size(); si++) {
            for (int cell : t.streams.get(si).cells()) {
                if (!t.cLand[cell] || t.strahler[cell] < 1 || t.z[cell] < 1 || t.z[cell] > 80) continue;
                cands.add(new int[] {cell, si});
            }
        }
        cands.sort(Comparator.<int[]>comparingInt(a -> -t.acc[a[0]]).thenComparingInt(a -> a[0]));
        List<Coordinate> river = new ArrayList<>();
        for (int[] cand : cands) {
            if (river.size() >= wanted) break;
            Coordinate c = centre(cand[0]);
            Town town = nearestTown(c.x, c.y);
            if (town.distanceKm(c.x, c.y) > town.radiusKm() + 8 || t.inReservoir(c.x, c.y)) continue;
            if (!river.stream().allMatch(o -> Geo.metres(o.x, o.y, c.x, c.y) > 1500)) continue;
            river.add(c);
            double bed = Double.isNaN(t.height(c.x, c.y)) ? t.z[cand[0]] : t.height(c.x, c.y);
            double wrz = Geo.round2(bed + rnd.nextDouble(1.8, 2.8));
            double grz = Geo.round2(wrz + rnd.nextDouble(0.8, 1.5));
            String[] sn = streamNames.get(cand[1]);
            String zh = (sn != null ? sn[0] : town.zh()) + "水位站" + (seq[2] + 1);
            String en = (sn != null ? sn[1] : town.en()) + " gauge " + (seq[2] + 1);
            station("ZZ", 2, seq, c, zh, en, null, wrz, grz, null);
        }
        // PP: rain gauges, at least 3.5 km apart, on land
        List<Coordinate> rain = new ArrayList<>();
        List<Town> places = new ArrayList<>(t.towns);
        places.addAll(villages);
        for (Town p : places) if (rain.size() < 40) tryRain(rain, p.lon(), p.lat(), p, seq);
        int attempts = 0;
        while (rain.size() < 40 && attempts++ < 20000) {
            double lon = rnd.nextDouble(Grid.WEST, Grid.EAST);
            double lat = rnd.nextDouble(Grid.SOUTH, Grid.NORTH);
            Town near = places.stream().min(Comparator.comparingDouble(x -> x.distanceKm(lon, lat))).orElseThrow();
            tryRain(rain, lon, lat, near, seq);
        }
    }

    private final Map<String, Integer> rainNames = new HashMap<>();

    private void tryRain(List<Coordinate> rain, double lon, double lat, Town near, int[] seq) {
        double h = t.height(lon, lat);
        if (!(h >= 0.3) || t.inReservoir(lon, lat)) return;
        if (!rain.stream().allMatch(o -> Geo.metres(o.x, o.y, lon, lat) > 3500)) return;
        Coordinate c = new Coordinate(lon, lat);
        rain.add(c);
        double r1 = Geo.round1(rnd.nextDouble(30, 45));
        double r3 = Geo.round1(r1 + rnd.nextDouble(20, 35));
        double r24 = Geo.round1(Math.max(r3 + 40, rnd.nextDouble(120, 200)));
        int k = rainNames.merge(near.id(), 1, Integer::sum);
        station("PP", 4, seq, c, near.zh() + "雨量站" + (k > 1 ? Geo.cn(k) : ""),
                near.en() + " rain gauge" + (k > 1 ? " " + k : ""), null, null, null, new double[] {r1, r3, r24});
    }

    private void station(String type, int digit, int[] seq, Coordinate c, String zh, String en,
                         Double fsltdz, Double wrz, Double grz, double[] rain) {
        int n = ++seq[digit];
        String stcd = "63" + digit + String.format(java.util.Locale.ROOT, "%05d", n);
        Point p = gf.createPoint(new Coordinate(Geo.round(c.x), Geo.round(c.y)));
        stations.add(new Feature("hydro_stations." + stcd, p, Geo.props(
                "STCD", stcd, "STNM", zh, "STNM_EN", en, "STTP", type, "WRZ", wrz, "GRZ", grz, "FSLTDZ", fsltdz,
                "RAIN_1H", rain == null ? null : rain[0], "RAIN_3H", rain == null ? null : rain[1],
                "RAIN_24H", rain == null ? null : rain[2], "ADDVCD", ADDVCD, "DTMNM", DATUM)));
    }
}
