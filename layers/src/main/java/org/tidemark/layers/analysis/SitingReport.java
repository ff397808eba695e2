package org.tidemark.layers.analysis;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The answer to "can this project be sited here?" (issue #10), with every number the verdict rests on.
 * Areas are computed in CGCS2000 / 3-degree Gauss-Krüger CM 123°E (EPSG:4550).
 */
public record SitingReport(String projectType, String projectTitleZh, String projectTitleEn, Geometry site,
                           double siteAreaM2, List<ZoneOverlap> floodZones, ZoneOverlap lowLying, Elevation elevation,
                           Distance nearestSeawall, Distance nearestStream, List<Gauge> gauges, List<Camera> cameras,
                           int buildingCount, List<String> buildings, boolean approved, List<Reason> reasons,
                           List<String> omittedLayers, List<MapFeature> context) {

    /** A feature drawn on the report's map: flood zone (with class), low-lying area, building; lon/lat, clipped. */
    public record MapFeature(String layer, int riskClass, Geometry geometry) {}

    /** Overlap with one class of zones. */
    public record ZoneOverlap(String label, double areaM2, double percent) {}

    /** DEM statistics over the site (metres, degrees). */
    public record Elevation(double min, double mean, double max, double meanSlope, double maxSlope, int samples) {}

    public record Distance(String id, String name, double metres, Double crestElevation) {}

    public record Gauge(String code, String name, String kind, double distanceM, Double value, String status, Double warning,
                        Double guarantee) {}

    public record Camera(String layer, String id, String name) {}

    /** One rule's outcome, in both languages. */
    public record Reason(String rule, boolean passed, String zh, String en) {}
}
