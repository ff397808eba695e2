package org.tidemark.layers.processes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tidemark.layers.analysis.InundationResult;
import org.tidemark.layers.analysis.SitingReport;

/** JSON result documents of the processes ({@code report} for siting, a GeoJSON {@code flooded} for inundation). */
final class ResultDocuments {
    private ResultDocuments() {}

    static Map<String, Object> of(Object result, String base) {
        if (result instanceof SitingReport r) return Map.of("report", siting(r));
        if (result instanceof ProcessesController.InundationRun run) return Map.of("flooded", inundation(run, base));
        throw new IllegalStateException("unknown result " + result);
    }

    private static Map<String, Object> siting(SitingReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectType", r.projectType());
        m.put("approved", r.approved());
        m.put("reasons", r.reasons());
        m.put("site", GeoJsonGeometry.write(r.site()));
        m.put("siteAreaM2", r.siteAreaM2());
        m.put("floodZones", r.floodZones());
        m.put("lowLying", r.lowLying());
        m.put("elevation", nanSafe(r.elevation()));
        m.put("nearestSeawall", r.nearestSeawall());
        m.put("nearestStream", r.nearestStream());
        m.put("gauges", r.gauges());
        m.put("cameras", r.cameras());
        m.put("buildingCount", r.buildingCount());
        m.put("buildings", r.buildings());
        m.put("omittedLayers", r.omittedLayers());
        m.put("crsForAreas", "http://www.opengis.net/def/crs/EPSG/0/4550");
        return m;
    }

    private static Map<String, Object> nanSafe(SitingReport.Elevation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", num(e.min()));
        m.put("mean", num(e.mean()));
        m.put("max", num(e.max()));
        m.put("meanSlope", num(e.meanSlope()));
        m.put("maxSlope", num(e.maxSlope()));
        m.put("samples", e.samples());
        return m;
    }

    private static Object num(double v) { return Double.isNaN(v) ? null : v; }

    private static Map<String, Object> inundation(ProcessesController.InundationRun run, String base) {
        InundationResult r = run.result();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("source", r.source());
        props.put("level", r.level());
        props.put("floodedAreaM2", r.floodedAreaM2());
        props.put("volumeM3", r.volumeM3());
        props.put("maxDepthM", r.maxDepthM());
        props.put("cells", r.cells());
        props.put("buildingCount", r.buildingCount());
        props.put("buildings", r.buildings());
        props.put("roads", r.roads());
        props.put("cameras", r.cameras());
        props.put("millis", r.millis());
        props.put("layer", run.layer());
        props.put("wms", base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + run.layer());
        props.put("items", base + "/ogc/collections/" + run.layer() + "/items");
        List<Object> features = new ArrayList<>();
        if (!r.flooded().isEmpty()) {
            features.add(Map.of("type", "Feature", "id", "flooded", "geometry", GeoJsonGeometry.write(r.flooded()), "properties",
                    Map.of("level", r.level(), "areaM2", r.floodedAreaM2())));
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        fc.put("properties", props);
        return fc;
    }
}
