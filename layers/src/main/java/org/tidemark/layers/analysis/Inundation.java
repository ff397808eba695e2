package org.tidemark.layers.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;

/**
 * "If this gauge reaches X m, what floods?" — the inundation process of issue #10.
 *
 * <p>The DEM (CGCS2000, 1″) is copied at full resolution, seawall crests are burnt in as barriers
 * (a cell under a seawall is as high as its crest), and {@link FloodFill} spreads the level from the
 * gauge's water body: the sea for tide gauges, the cells around the gauge otherwise — for those, only ground
 * above the water body's floor floods (a reservoir's level does not apply below its dam). Flooded cells are
 * vectorised ({@link MaskVectorizer}) and intersected with buildings, roads and camera view cones,
 * each read through the caller's access gate ({@link LayerReader}).
 */
public final class Inundation {
    static final double MIN_LEVEL = -10;
    static final double MAX_LEVEL = 2000;
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int MAX_LISTED = 200;

    private final ElevationModel dem;

    public Inundation(ElevationModel dem) { this.dem = dem; }

    /**
     * @param reader    the caller's gated view of the layers
     * @param gauge     station code, or null when {@code point} is given
     * @param point     a lon/lat point in the water body, or null
     * @param level     water level in metres, or null for the gauge's current reading
     */
    InundationResult run(LayerReader reader, String gauge, Coordinate point, Double level) {
        long t0 = System.nanoTime();
        Coordinate at = point;
        boolean sea = false;
        Double reading = null;
        String source = "point";
        if (gauge != null) {
            Feature station = findGauge(reader, gauge);
            Point p = station.geometry().getInteriorPoint();
            at = p.getCoordinate();
            String kind = String.valueOf(station.get("STTP"));
            sea = "TT".equals(kind);
            reading = currentReading(station);
            source = gauge;
        }
        if (at == null) throw GeoServiceException.missing("gauge");
        double lvl;
        if (level != null) lvl = level;
        else if (reading != null) lvl = reading;
        else throw GeoServiceException.invalid("level", "No level given and the gauge has no current reading");
        if (!Double.isFinite(lvl) || lvl < MIN_LEVEL || lvl > MAX_LEVEL) {
            throw GeoServiceException.invalid("level", "level must be between " + MIN_LEVEL + " and " + MAX_LEVEL + " m");
        }
        if (!dem.extent().contains(at)) throw GeoServiceException.invalid("gauge", "The source lies outside the DEM");

        HeightGrid grid = HeightGrid.of(dem, dem.extent());
        burnSeawalls(reader, grid);
        int[] seeds = sea ? seaCells(grid) : around(grid, at, lvl);
        // an inland source floods upwards from its own water surface (see FloodFill): 1 m below the
        // lowest ground at the gauge, so the banks flood but the valley below the dam does not
        double floor = sea || seeds.length == 0 ? Double.NEGATIVE_INFINITY : grid.heights()[seeds[0]] - 1.0;
        BitSet flooded = FloodFill.fill(grid, seeds, lvl, floor, sea);

        double area = 0;
        double volume = 0;
        double maxDepth = 0;
        int w = grid.width();
        for (int i = flooded.nextSetBit(0); i >= 0; i = flooded.nextSetBit(i + 1)) {
            double a = grid.cellArea(i / w);
            double depth = lvl - grid.heights()[i];
            area += a;
            volume += a * depth;
            maxDepth = Math.max(maxDepth, depth);
        }
        Geometry polygons = MaskVectorizer.polygons(grid, flooded, 1.0);
        List<InundationResult.Item> buildings = new ArrayList<>();
        List<InundationResult.Item> roads = new ArrayList<>();
        List<InundationResult.Item> cameras = new ArrayList<>();
        int buildingCount = 0;
        if (!flooded.isEmpty()) {
            // affected objects are found on the flooded cells themselves (exact to the DEM resolution and far
            // cheaper than intersecting with the vectorised polygons)
            Envelope box = polygons.getEnvelopeInternal();
            int[] count = {0};
            final double level0 = lvl;
            reader.each("buildings", box, null, f -> {
                if (f.geometry() == null) return;
                Coordinate hit = firstFlooded(grid, flooded, f.geometry().getCoordinates(), f.geometry().getInteriorPoint().getCoordinate());
                if (hit == null) return;
                count[0]++;
                if (buildings.size() < MAX_LISTED) {
                    double ground = dem.elevation(hit.x, hit.y);
                    buildings.add(new InundationResult.Item("buildings", f.id(), name(f), Double.isNaN(ground) ? 0 : Math.max(0, level0 - ground)));
                }
            });
            buildingCount = count[0];
            reader.each("roads", box, null, f -> {
                if (f.geometry() == null) return;
                double len = floodedLength(grid, flooded, f.geometry());
                if (len > 0 && roads.size() < MAX_LISTED) roads.add(new InundationResult.Item("roads", f.id(), name(f), len));
            });
            Coordinate centre = polygons.isEmpty() ? null : polygons.getCentroid().getCoordinate();
            for (String layer : List.of("police_cameras", "coastal_cameras")) {
                reader.each(layer, expand(box, 0.05), null, f -> {
                    Geometry cone = cone(f);
                    if (cone != null && coneSeesFlooding(grid, flooded, cone) && cameras.size() < MAX_LISTED) {
                        cameras.add(new InundationResult.Item(layer, f.id(), name(f),
                                centre == null ? 0 : Geodesy.distanceMetres(f.geometry().getCoordinate(), centre)));
                    }
                });
            }
            roads.sort(Comparator.comparingDouble(InundationResult.Item::measure).reversed());
            buildings.sort(Comparator.comparingDouble(InundationResult.Item::measure).reversed());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new InundationResult(source, lvl, area, volume, maxDepth, polygons, buildings, buildingCount, roads, cameras,
                flooded.cardinality(), ms);
    }

    private static boolean floodedAt(HeightGrid grid, BitSet flooded, double x, double y) {
        int c = grid.col(x);
        int r = grid.row(y);
        return grid.inside(c, r) && flooded.get(r * grid.width() + c);
    }

    private static Coordinate firstFlooded(HeightGrid grid, BitSet flooded, Coordinate[] vertices, Coordinate interior) {
        if (floodedAt(grid, flooded, interior.x, interior.y)) return interior;
        for (Coordinate v : vertices) if (floodedAt(grid, flooded, v.x, v.y)) return v;
        return null;
    }

    /** Metres of the line over flooded cells, sampled every half cell. */
    private static double floodedLength(HeightGrid grid, BitSet flooded, Geometry g) {
        double metres = 0;
        for (int n = 0; n < g.getNumGeometries(); n++) {
            if (!(g.getGeometryN(n) instanceof LineString line)) continue;
            Coordinate[] cs = line.getCoordinates();
            for (int i = 1; i < cs.length; i++) {
                double segment = Geodesy.distanceMetres(cs[i - 1], cs[i]);
                int steps = Math.max(1, (int) Math.ceil(Math.max(Math.abs(cs[i].x - cs[i - 1].x), Math.abs(cs[i].y - cs[i - 1].y)) / (grid.cell() / 2)));
                int wet = 0;
                for (int s = 0; s < steps; s++) {
                    double t = (s + 0.5) / steps;
                    if (floodedAt(grid, flooded, cs[i - 1].x + t * (cs[i].x - cs[i - 1].x), cs[i - 1].y + t * (cs[i].y - cs[i - 1].y))) wet++;
                }
                metres += segment * wet / steps;
            }
        }
        return metres;
    }

    /** Whether any cell of the view cone (sampled on a 12 × 12 grid over its envelope) is flooded. */
    private static boolean coneSeesFlooding(HeightGrid grid, BitSet flooded, Geometry cone) {
        var locator = new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(cone);
        Envelope e = cone.getEnvelopeInternal();
        for (int i = 0; i <= 12; i++) {
            for (int j = 0; j <= 12; j++) {
                double x = e.getMinX() + e.getWidth() * i / 12;
                double y = e.getMinY() + e.getHeight() * j / 12;
                if (floodedAt(grid, flooded, x, y)
                        && locator.locate(new Coordinate(x, y)) != org.locationtech.jts.geom.Location.EXTERIOR) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Feature findGauge(LayerReader reader, String code) {
        Filter byCode = new Filter.Comparison("STCD", ComparisonOperator.EQ, code, true);
        for (String layer : List.of("gauges", "hydro_stations")) {
            List<Feature> found = reader.list(layer, null, byCode);
            if (!found.isEmpty() && found.get(0).geometry() != null) return found.get(0);
        }
        throw GeoServiceException.invalid("gauge", "Unknown gauge " + code);
    }

    private static Double currentReading(Feature station) {
        for (String k : List.of("Z", "RZ", "TDZ")) {
            if (station.get(k) instanceof Number n) return n.doubleValue();
        }
        return null;
    }

    /** Seawall cells are raised to the crest elevation, so lower water stops there. */
    private static void burnSeawalls(LayerReader reader, HeightGrid grid) {
        reader.each("seawalls", grid.envelope(), null, f -> {
            if (!(f.get("crest_elevation") instanceof Number crest) || f.geometry() == null) return;
            float z = crest.floatValue();
            for (int g = 0; g < f.geometry().getNumGeometries(); g++) {
                if (f.geometry().getGeometryN(g) instanceof LineString line) rasterize(grid, line, z);
            }
        });
    }

    private static void rasterize(HeightGrid grid, LineString line, float crest) {
        Coordinate[] cs = line.getCoordinates();
        for (int i = 1; i < cs.length; i++) {
            double dx = cs[i].x - cs[i - 1].x;
            double dy = cs[i].y - cs[i - 1].y;
            int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / (grid.cell() / 2)) + 1;
            for (int s = 0; s <= steps; s++) {
                double x = cs[i - 1].x + dx * s / steps;
                double y = cs[i - 1].y + dy * s / steps;
                int c = grid.col(x);
                int r = grid.row(y);
                if (grid.inside(c, r)) {
                    int k = r * grid.width() + c;
                    float ground = grid.heights()[k];
                    grid.heights()[k] = Float.isNaN(ground) ? crest : Math.max(ground, crest);
                }
            }
        }
    }

    private static int[] seaCells(HeightGrid grid) {
        float[] z = grid.heights();
        int n = 0;
        for (float v : z) if (Float.isNaN(v)) n++;
        int[] seeds = new int[n];
        int k = 0;
        for (int i = 0; i < z.length; i++) if (Float.isNaN(z[i])) seeds[k++] = i;
        return seeds;
    }

    /** The gauge cell, or the lowest land cell within ~150 m when the gauge sits on a bank above the level. */
    private static int[] around(HeightGrid grid, Coordinate at, double level) {
        int c0 = grid.col(at.x);
        int r0 = grid.row(at.y);
        int radius = 5;
        int best = -1;
        float bestZ = Float.MAX_VALUE;
        for (int r = r0 - radius; r <= r0 + radius; r++) {
            for (int c = c0 - radius; c <= c0 + radius; c++) {
                if (!grid.inside(c, r)) continue;
                float z = grid.at(c, r);
                if (!Float.isNaN(z) && z < bestZ) {
                    bestZ = z;
                    best = r * grid.width() + c;
                }
            }
        }
        return best < 0 || bestZ >= level ? new int[0] : new int[] {best};
    }

    static Geometry cone(Feature camera) {
        if (camera.geometry() == null) return null;
        Coordinate c = camera.geometry().getCoordinate();
        double heading = number(camera.get("heading"), 0);
        double fov = number(camera.get("fov"), 60);
        double range = number(camera.get("range_m"), 200);
        return ViewCone.of(c.x, c.y, heading, fov, range);
    }

    static double number(Object v, double fallback) { return v instanceof Number n ? n.doubleValue() : fallback; }

    static String name(Feature f) {
        for (String k : List.of("name", "STNM", "name_zh", "code")) {
            Object v = f.get(k);
            if (v != null) return v.toString();
        }
        return f.id();
    }

    private static Envelope expand(Envelope e, double d) {
        Envelope x = new Envelope(e);
        x.expandBy(d);
        return x;
    }

    static Point point(double lon, double lat) { return GF.createPoint(new Coordinate(lon, lat)); }
}
