package org.tidemark.layers.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;

/**
 * The siting check of issue #10: overlaps with flood-zone risk classes and low-lying areas, DEM
 * statistics, distances to seawalls and streams, nearby gauges and their status, covering cameras,
 * buildings inside — and a verdict from {@link SitingRules}, each reason stated in Chinese and English.
 *
 * <p>Areas and distances are computed in CGCS2000 / 3-degree Gauss-Krüger zone CM 123°E (EPSG:4550),
 * where a square metre is a square metre to within 0.1 % across the county. All layers are read
 * through the caller's access gate; layers the caller cannot see are listed in {@code omittedLayers}
 * rather than silently treated as empty.
 */
public final class SitingCheck {
    static final int PROJECTED_EPSG = 4550;
    private static final double MAX_SITE_AREA_M2 = 50_000_000; // 50 km²
    private static final GeometryFactory GF = new GeometryFactory();

    private final ElevationModel dem;
    private final SitingRules rules;

    public SitingCheck(ElevationModel dem, SitingRules rules) {
        this.dem = dem;
        this.rules = rules;
    }

    public SitingRules rules() { return rules; }

    SitingReport run(LayerReader reader, Geometry siteLonLat, String projectType) {
        SitingRules.Rule rule = rules.types().get(projectType);
        if (rule == null) {
            throw GeoServiceException.invalid("projectType", "Unknown project type " + projectType + "; one of " + rules.types().keySet());
        }
        if (siteLonLat == null || siteLonLat.isEmpty()) throw GeoServiceException.invalid("site", "The site geometry is empty");
        if (!(siteLonLat instanceof Polygonal)) throw GeoServiceException.invalid("site", "The site must be a polygon (or a point with a radius)");
        if (!siteLonLat.isValid()) throw GeoServiceException.invalid("site", "The site polygon is not valid (self-intersecting or badly nested rings)");
        Crs gk = Crs.epsg(PROJECTED_EPSG);
        Crs geo = Crs.cgcs2000();
        Geometry site = Reprojector.transform(siteLonLat, geo, gk);
        double siteArea = site.getArea();
        if (siteArea <= 0) throw GeoServiceException.invalid("site", "The site has no area");
        if (siteArea > MAX_SITE_AREA_M2) throw GeoServiceException.invalid("site", "The site is larger than 50 km²");
        PreparedGeometry preparedSite = PreparedGeometryFactory.prepare(siteLonLat);
        Envelope box = siteLonLat.getEnvelopeInternal();
        List<String> omitted = new ArrayList<>();
        List<SitingReport.MapFeature> context = new ArrayList<>();
        Envelope view = new Envelope(box);
        view.expandBy(Math.max(box.getWidth(), box.getHeight()) * 0.5 + 0.001);
        Geometry viewBox = GF.toGeometry(view);

        // flood zones by risk class
        double[] byClass = new double[3];
        if (!reader.visible("flood_zones")) omitted.add("flood_zones");
        reader.each("flood_zones", view, null, f -> {
            if (f.geometry() == null) return;
            int risk = (int) Inundation.number(f.get("risk_class"), 0);
            context.add(new SitingReport.MapFeature("flood_zones", risk, clip(f.geometry(), viewBox)));
            if (!preparedSite.intersects(f.geometry())) return;
            int cls = (int) Inundation.number(f.get("risk_class"), 0);
            if (cls < 1 || cls > 3) return;
            byClass[cls - 1] += overlap(site, f.geometry(), geo, gk);
        });
        List<SitingReport.ZoneOverlap> zones = new ArrayList<>();
        String[] classNames = {"低风险 low", "中风险 medium", "高风险 high"};
        for (int i = 0; i < 3; i++) {
            zones.add(new SitingReport.ZoneOverlap("risk_class " + (i + 1) + " " + classNames[i], byClass[i], 100 * byClass[i] / siteArea));
        }
        double[] low = {0};
        if (!reader.visible("low_lying_areas")) omitted.add("low_lying_areas");
        reader.each("low_lying_areas", view, null, f -> {
            if (f.geometry() == null) return;
            context.add(new SitingReport.MapFeature("low_lying_areas", 0, clip(f.geometry(), viewBox)));
            if (preparedSite.intersects(f.geometry())) low[0] += overlap(site, f.geometry(), geo, gk);
        });
        var lowLying = new SitingReport.ZoneOverlap("low_lying_areas", low[0], 100 * low[0] / siteArea);

        SitingReport.Elevation elevation = elevation(siteLonLat, preparedSite);
        Envelope near = new Envelope(box);
        near.expandBy(0.1);
        SitingReport.Distance seawall = nearest(reader, "seawalls", near, site, geo, gk, omitted);
        SitingReport.Distance stream = nearest(reader, "streams", near, site, geo, gk, omitted);
        List<SitingReport.Gauge> gauges = gauges(reader, siteLonLat, near, omitted);

        List<SitingReport.Camera> cameras = new ArrayList<>();
        Envelope camBox = new Envelope(box);
        camBox.expandBy(0.03);
        for (String layer : List.of("police_cameras", "coastal_cameras")) {
            if (!reader.visible(layer)) omitted.add(layer);
            reader.each(layer, camBox, null, f -> {
                Geometry cone = Inundation.cone(f);
                if (cone != null && preparedSite.intersects(cone)) cameras.add(new SitingReport.Camera(layer, f.id(), Inundation.name(f)));
            });
        }
        List<String> buildings = new ArrayList<>();
        int[] buildingCount = {0};
        if (!reader.visible("buildings")) omitted.add("buildings");
        reader.each("buildings", view, null, f -> {
            if (f.geometry() != null && context.size() < 3000) context.add(new SitingReport.MapFeature("buildings", 0, f.geometry()));
            if (f.geometry() != null && preparedSite.intersects(f.geometry())) {
                buildingCount[0]++;
                if (buildings.size() < 100) buildings.add(Inundation.name(f));
            }
        });

        List<SitingReport.Reason> reasons = verdict(rule, zones, lowLying, elevation, gauges, omitted);
        boolean approved = reasons.stream().allMatch(SitingReport.Reason::passed);
        return new SitingReport(projectType, rule.title().zh(), rule.title().en(), siteLonLat, siteArea, zones, lowLying,
                elevation, seawall, stream, gauges, cameras, buildingCount[0], buildings, approved, reasons, omitted, context);
    }

    private static Geometry clip(Geometry g, Geometry box) {
        try {
            return g.intersection(box);
        } catch (RuntimeException e) {
            return g.buffer(0).intersection(box);
        }
    }

    private static double overlap(Geometry siteGk, Geometry zoneLonLat, Crs geo, Crs gk) {
        try {
            return siteGk.intersection(Reprojector.transform(zoneLonLat, geo, gk)).getArea();
        } catch (RuntimeException e) {
            // robustness: a slightly invalid zone polygon is repaired by a zero buffer
            return siteGk.intersection(Reprojector.transform(zoneLonLat, geo, gk).buffer(0)).getArea();
        }
    }

    private SitingReport.Elevation elevation(Geometry site, PreparedGeometry prepared) {
        double res = dem.resolution();
        Envelope e = site.getEnvelopeInternal();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double slopeSum = 0;
        double slopeMax = 0;
        int n = 0;
        double step = res;
        double cells = (e.getWidth() / res) * (e.getHeight() / res);
        if (cells > 1_000_000) step = res * Math.sqrt(cells / 1_000_000); // cap the work for huge sites
        for (double y = e.getMinY() + step / 2; y < e.getMaxY(); y += step) {
            for (double x = e.getMinX() + step / 2; x < e.getMaxX(); x += step) {
                if (!prepared.contains(GF.createPoint(new Coordinate(x, y)))) continue;
                double z = dem.elevation(x, y);
                if (Double.isNaN(z)) continue;
                min = Math.min(min, z);
                max = Math.max(max, z);
                sum += z;
                double s = slope(x, y, res);
                slopeSum += s;
                slopeMax = Math.max(slopeMax, s);
                n++;
            }
        }
        if (n == 0) { // a site smaller than one DEM cell: use its interior point
            Coordinate c = site.getInteriorPoint().getCoordinate();
            double z = dem.elevation(c.x, c.y);
            if (Double.isNaN(z)) return new SitingReport.Elevation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            double s = slope(c.x, c.y, res);
            return new SitingReport.Elevation(z, z, z, s, s, 1);
        }
        return new SitingReport.Elevation(min, sum / n, max, slopeSum / n, slopeMax, n);
    }

    /** Slope in degrees from central differences over one cell (Horn's method simplified). */
    private double slope(double x, double y, double res) {
        double zx1 = dem.elevation(x - res, y);
        double zx2 = dem.elevation(x + res, y);
        double zy1 = dem.elevation(x, y - res);
        double zy2 = dem.elevation(x, y + res);
        if (Double.isNaN(zx1) || Double.isNaN(zx2) || Double.isNaN(zy1) || Double.isNaN(zy2)) return 0;
        double mx = 2 * res * 111_320 * Math.cos(Math.toRadians(y));
        double my = 2 * res * 110_574;
        double gx = (zx2 - zx1) / mx;
        double gy = (zy2 - zy1) / my;
        return Math.toDegrees(Math.atan(Math.hypot(gx, gy)));
    }

    private static SitingReport.Distance nearest(LayerReader reader, String layer, Envelope near, Geometry siteGk, Crs geo,
                                                 Crs gk, List<String> omitted) {
        if (!reader.visible(layer)) {
            omitted.add(layer);
            return null;
        }
        SitingReport.Distance[] best = {null};
        reader.each(layer, near, null, f -> {
            if (f.geometry() == null) return;
            double d = DistanceOp.distance(siteGk, Reprojector.transform(f.geometry(), geo, gk));
            if (best[0] == null || d < best[0].metres()) {
                Object crest = f.get("crest_elevation");
                best[0] = new SitingReport.Distance(f.id(), Inundation.name(f), d, crest instanceof Number n ? n.doubleValue() : null);
            }
        });
        return best[0];
    }

    private static List<SitingReport.Gauge> gauges(LayerReader reader, Geometry site, Envelope near, List<String> omitted) {
        String layer = reader.visible("gauges") ? "gauges" : reader.visible("hydro_stations") ? "hydro_stations" : null;
        if (layer == null) {
            omitted.add("gauges");
            return List.of();
        }
        Coordinate c = site.getCentroid().getCoordinate();
        List<SitingReport.Gauge> all = new ArrayList<>();
        reader.each(layer, near, null, f -> {
            String kind = String.valueOf(f.get("STTP"));
            if ("PP".equals(kind) || f.geometry() == null) return; // rain gauges have no level
            Double value = null;
            for (String k : List.of("Z", "RZ", "TDZ")) if (f.get(k) instanceof Number n) { value = n.doubleValue(); break; }
            all.add(new SitingReport.Gauge(String.valueOf(f.get("STCD")), Inundation.name(f), kind,
                    Geodesy.distanceMetres(c, f.geometry().getCoordinate()), value,
                    f.get("status") == null ? null : f.get("status").toString(),
                    f.get("WRZ") instanceof Number w ? w.doubleValue() : null,
                    f.get("GRZ") instanceof Number g ? g.doubleValue() : null));
        });
        all.sort(Comparator.comparingDouble(SitingReport.Gauge::distanceM));
        return all.subList(0, Math.min(3, all.size()));
    }

    private static List<SitingReport.Reason> verdict(SitingRules.Rule rule, List<SitingReport.ZoneOverlap> zones,
                                                     SitingReport.ZoneOverlap low, SitingReport.Elevation elevation,
                                                     List<SitingReport.Gauge> gauges, List<String> omitted) {
        List<SitingReport.Reason> reasons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double limit = rule.maxRiskClassPercent()[i];
            if (limit >= 100) continue;
            double pct = zones.get(i).percent();
            boolean ok = pct <= limit + 1e-9 && !omitted.contains("flood_zones");
            reasons.add(new SitingReport.Reason("risk_class_" + (i + 1), ok,
                    String.format(Locale.ROOT, "洪水风险区 %d 级重叠 %.1f%%（上限 %.0f%%）%s", i + 1, pct, limit, omitted.contains("flood_zones") ? "——无权查看洪水风险区，无法判断" : ""),
                    String.format(Locale.ROOT, "Overlap with flood-zone risk class %d is %.1f%% (limit %.0f%%)%s", i + 1, pct, limit, omitted.contains("flood_zones") ? " — no access to flood zones, cannot decide" : "")));
        }
        if (rule.maxLowLyingPercent() < 100) {
            boolean ok = low.percent() <= rule.maxLowLyingPercent() + 1e-9 && !omitted.contains("low_lying_areas");
            reasons.add(new SitingReport.Reason("low_lying", ok,
                    String.format(Locale.ROOT, "低洼易涝区重叠 %.1f%%（上限 %.0f%%）", low.percent(), rule.maxLowLyingPercent()),
                    String.format(Locale.ROOT, "Overlap with low-lying areas is %.1f%% (limit %.0f%%)", low.percent(), rule.maxLowLyingPercent())));
        }
        if (rule.requireAboveGuarantee()) {
            Double grz = gauges.stream().filter(g -> "TT".equals(g.kind()) && g.guarantee() != null).map(SitingReport.Gauge::guarantee).findFirst()
                    .orElse(gauges.stream().filter(g -> g.guarantee() != null).map(SitingReport.Gauge::guarantee).findFirst().orElse(null));
            boolean ok = grz != null && !Double.isNaN(elevation.min()) && elevation.min() > grz;
            reasons.add(new SitingReport.Reason("above_guarantee_level", ok,
                    grz == null ? "附近无保证水位资料，无法判断场地高程" : String.format(Locale.ROOT, "场地最低高程 %.2f m，附近保证水位 %.2f m", elevation.min(), grz),
                    grz == null ? "No guarantee level nearby: the site's elevation cannot be judged"
                            : String.format(Locale.ROOT, "Lowest ground %.2f m vs nearby guarantee level %.2f m", elevation.min(), grz)));
        }
        boolean slopeOk = Double.isNaN(elevation.meanSlope()) || elevation.meanSlope() <= rule.maxSlopeDegrees();
        reasons.add(new SitingReport.Reason("slope", slopeOk,
                String.format(Locale.ROOT, "平均坡度 %.1f°（上限 %.0f°）", elevation.meanSlope(), rule.maxSlopeDegrees()),
                String.format(Locale.ROOT, "Mean slope %.1f° (limit %.0f°)", elevation.meanSlope(), rule.maxSlopeDegrees())));
        return reasons;
    }
}
