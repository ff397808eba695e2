package org.tidemark.data.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Feature;

/**
 * Buildings, villages and town streets. Buildings sit one per cell of a county-wide ~35 m lattice, so they
 * never overlap: a footprint's half-diagonal is always smaller than half a cell. Each town fills the free land
 * cells nearest its centre (with random gaps), keeping every fifth lattice row and column free as streets;
 * the dense core gets taller and more commercial buildings, the fringe sheds and workshops.
 */
final class Settlements {
    static final double CELL_LON = 0.00036;
    static final double CELL_LAT = 0.00032;
    static final int BLOCK = 6;

    private static final String[] PREFIX = {"东", "西", "南", "北", "上", "下", "前", "后", "大", "小", "新", "高", "石", "沙", "岭"};
    private static final String[] PREFIX_EN = {"Dong", "Xi", "Nan", "Bei", "Shang", "Xia", "Qian", "Hou", "Da", "Xiao", "Xin", "Gao", "Shi", "Sha", "Ling"};
    private static final String[] SUFFIX = {"岙", "塘", "湾", "庄", "洋", "岭", "溪", "浦", "坑", "山", "陈", "王"};
    private static final String[] SUFFIX_EN = {"ao", "tang", "wan", "zhuang", "yang", "ling", "xi", "pu", "keng", "shan", "chen", "wang"};

    private final Terrain terrain;
    private final GeometryFactory gf;
    private final SplittableRandom rnd;
    private final int gw;
    private final int gh;
    private final boolean[] occupied;
    final List<Feature> buildings = new ArrayList<>();
    final List<Feature> streets = new ArrayList<>();
    final List<Town> villages = new ArrayList<>();

    Settlements(Terrain terrain, long seed, GeometryFactory gf) {
        this.terrain = terrain;
        this.gf = gf;
        this.rnd = new SplittableRandom(seed ^ 0xB111D1L);
        this.gw = (int) Math.ceil((Grid.EAST - Grid.WEST) / CELL_LON);
        this.gh = (int) Math.ceil((Grid.NORTH - Grid.SOUTH) / CELL_LAT);
        this.occupied = new boolean[gw * gh];
        for (Town t : terrain.towns) build(t, false);
        chooseVillages();
        for (Town v : villages) build(v, true);
        for (Town t : terrain.towns) if (t.radiusKm() >= 0.6) streets(t);
    }

    private double cellLon(int gx) { return Grid.WEST + (gx + 0.5) * CELL_LON; }

    private double cellLat(int gy) { return Grid.SOUTH + (gy + 0.5) * CELL_LAT; }

    private boolean isStreet(int gx, int gy, int cx, int cy) {
        return Math.floorMod(gx - cx, BLOCK) == 0 || Math.floorMod(gy - cy, BLOCK) == 0;
    }

    /** Whether a whole lattice cell is buildable land. */
    private boolean buildable(int gx, int gy) {
        double lon = cellLon(gx);
        double lat = cellLat(gy);
        double h = terrain.height(lon, lat);
        if (!(h >= 0.3 && h <= 45) || terrain.inReservoir(lon, lat)) return false;
        double dx = CELL_LON * 0.48;
        double dy = CELL_LAT * 0.48;
        for (int i = -1; i <= 1; i += 2) {
            for (int j = -1; j <= 1; j += 2) {
                double hc = terrain.height(lon + i * dx, lat + j * dy);
                if (!(hc >= 0.3) || Math.abs(hc - h) > 6 || terrain.inReservoir(lon + i * dx, lat + j * dy)) return false;
            }
        }
        return true;
    }

    private void build(Town t, boolean village) {
        int cx = (int) Math.floor((t.lon() - Grid.WEST) / CELL_LON);
        int cy = (int) Math.floor((t.lat() - Grid.SOUTH) / CELL_LAT);
        double reachKm = village ? 0.6 : t.radiusKm() * 3.2;
        int rx = (int) Math.ceil(reachKm * 1000 / (CELL_LON * Geo.mx()));
        int ry = (int) Math.ceil(reachKm * 1000 / (CELL_LAT * Geo.my()));
        List<double[]> candidates = new ArrayList<>();
        for (int gy = Math.max(0, cy - ry); gy <= Math.min(gh - 1, cy + ry); gy++) {
            for (int gx = Math.max(0, cx - rx); gx <= Math.min(gw - 1, cx + rx); gx++) {
                double d = t.distanceKm(cellLon(gx), cellLat(gy));
                if (d > reachKm) continue;
                candidates.add(new double[] {d * (0.8 + 0.4 * rnd.nextDouble()), gx, gy, d});
            }
        }
        candidates.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]).thenComparingDouble(a -> a[2]));
        double angle = rnd.nextDouble(-12, 12);
        int placed = 0;
        for (double[] c : candidates) {
            if (placed >= t.buildings()) break;
            int gx = (int) c[1];
            int gy = (int) c[2];
            if (occupied[gy * gw + gx] || (!village && isStreet(gx, gy, cx, cy))) continue;
            if (rnd.nextDouble() < 0.1 || !buildable(gx, gy)) continue;
            occupied[gy * gw + gx] = true;
            placed++;
            buildings.add(building(t, village, c[3] / Math.max(0.2, t.radiusKm()), gx, gy, angle, placed));
        }
    }

    private Feature building(Town t, boolean village, double dn, int gx, int gy, double angle, int n) {
        double p = rnd.nextDouble();
        String use;
        if (village) use = p < 0.85 ? "residential" : "agricultural";
        else if (dn < 0.6) use = p < 0.3 ? "commercial" : p < 0.38 ? "public" : "residential";
        else if (dn < 1.6) use = p < 0.08 ? "commercial" : p < 0.12 ? "public" : p < 0.2 ? "industrial" : "residential";
        else use = p < 0.3 ? "industrial" : p < 0.38 ? "agricultural" : "residential";
        double w;
        double h;
        int floors;
        double floorHeight = 3.0;
        switch (use) {
            case "commercial" -> {
                w = rnd.nextDouble(14, 26);
                h = rnd.nextDouble(12, 18);
                floors = t.seat() && dn < 0.6 ? 4 + (int) (24 * Math.pow(rnd.nextDouble(), 2.5)) : 2 + rnd.nextInt(dn < 0.6 ? 9 : 4);
                floorHeight = 3.6;
            }
            case "public" -> {
                w = rnd.nextDouble(16, 26);
                h = rnd.nextDouble(12, 18);
                floors = 2 + rnd.nextInt(5);
                floorHeight = 3.8;
            }
            case "industrial" -> {
                w = rnd.nextDouble(18, 26);
                h = rnd.nextDouble(12, 18);
                floors = 1 + rnd.nextInt(3);
                floorHeight = 5.0;
            }
            case "agricultural" -> {
                w = rnd.nextDouble(8, 14);
                h = rnd.nextDouble(6, 10);
                floors = 1 + rnd.nextInt(2);
            }
            default -> {
                w = rnd.nextDouble(10, 18);
                h = rnd.nextDouble(8, 13);
                if (village) floors = 1 + rnd.nextInt(3);
                else if (dn < 0.6) floors = t.seat() ? 6 + rnd.nextInt(13) : 4 + rnd.nextInt(6);
                else if (dn < 1.6) floors = 2 + rnd.nextInt(5);
                else floors = 1 + rnd.nextInt(4);
            }
        }
        double height = Geo.round1(floors * floorHeight + rnd.nextDouble(0.3, 1.5));
        var footprint = Geo.rectangle(gf, cellLon(gx), cellLat(gy), w, h, angle + rnd.nextDouble(-3, 3));
        String name = switch (use) {
            case "public" -> t.zh() + PUBLIC[n % PUBLIC.length] + Geo.cn(1 + (n / PUBLIC.length) % 9) + "号楼";
            case "commercial" -> t.zh() + "商业楼" + n;
            default -> null;
        };
        return new Feature("buildings." + t.id() + "." + n, footprint,
                Geo.props("name", name, "height", height, "floors", floors, "use", use, "town", t.zh()));
    }

    private static final String[] PUBLIC = {"学校", "卫生院", "社区服务中心", "文化站", "派出所", "政务中心", "体育馆"};

    private void chooseVillages() {
        java.util.Set<String> used = new java.util.HashSet<>();
        int attempts = 0;
        while (villages.size() < 70 && attempts++ < 20000) {
            double lon = rnd.nextDouble(Grid.WEST, Grid.EAST);
            double lat = rnd.nextDouble(Grid.SOUTH, Grid.NORTH);
            double h = terrain.height(lon, lat);
            if (!(h >= 1 && h <= 60) || terrain.inReservoir(lon, lat)) continue;
            boolean free = terrain.towns.stream().allMatch(t -> t.distanceKm(lon, lat) > t.radiusKm() * 2 + 1.2)
                    && villages.stream().allMatch(v -> v.distanceKm(lon, lat) > 1.3);
            if (!free) continue;
            int a = rnd.nextInt(PREFIX.length);
            int b = rnd.nextInt(SUFFIX.length);
            String zh = PREFIX[a] + SUFFIX[b] + "村";
            if (!used.add(zh)) continue;
            String en = PREFIX_EN[a] + SUFFIX_EN[b] + " Village";
            villages.add(new Town("v" + (villages.size() + 1), zh, en, lon, lat, 0.2, 12 + rnd.nextInt(34), false));
        }
    }

    /** East-west (纬) and north-south (经) streets along the free lattice rows and columns of a town. */
    private void streets(Town t) {
        int cx = (int) Math.floor((t.lon() - Grid.WEST) / CELL_LON);
        int cy = (int) Math.floor((t.lat() - Grid.SOUTH) / CELL_LAT);
        double reach = t.radiusKm() * 1.5;
        int rx = (int) Math.ceil(reach * 1000 / (CELL_LON * Geo.mx()));
        int ry = (int) Math.ceil(reach * 1000 / (CELL_LAT * Geo.my()));
        int ordinal = 0;
        for (int k = -ry / BLOCK; k <= ry / BLOCK; k++) {
            int gy = cy + k * BLOCK;
            List<int[]> cells = new ArrayList<>();
            for (int gx = cx - rx; gx <= cx + rx; gx++) cells.add(new int[] {gx, gy});
            ordinal = street(t, cells, true, ordinal);
        }
        ordinal = 0;
        for (int k = -rx / BLOCK; k <= rx / BLOCK; k++) {
            int gx = cx + k * BLOCK;
            List<int[]> cells = new ArrayList<>();
            for (int gy = cy - ry; gy <= cy + ry; gy++) cells.add(new int[] {gx, gy});
            ordinal = street(t, cells, false, ordinal);
        }
    }

    private int street(Town t, List<int[]> cells, boolean eastWest, int ordinal) {
        List<Coordinate> run = new ArrayList<>();
        int n = ordinal;
        for (int i = 0; i <= cells.size(); i++) {
            boolean ok = false;
            if (i < cells.size()) {
                int[] c = cells.get(i);
                double lon = cellLon(c[0]);
                double lat = cellLat(c[1]);
                ok = t.distanceKm(lon, lat) <= t.radiusKm() * 1.5 && terrain.height(lon, lat) <= 45 && !terrain.inReservoir(lon, lat);
                if (ok) run.add(new Coordinate(lon, lat));
            }
            if (!ok) {
                if (run.size() >= 5) {
                    n++;
                    String zh = t.zh() + (eastWest ? "纬" : "经") + Geo.cn(Math.min(n, 99)) + "路";
                    List<Coordinate> ends = List.of(run.get(0), run.get(run.size() - 1));
                    streets.add(new Feature("roads." + t.id() + (eastWest ? ".w" : ".j") + n, Geo.line(gf, ends),
                            Geo.props("name", zh, "class", "urban")));
                }
                run.clear();
            }
        }
        return n;
    }
}
