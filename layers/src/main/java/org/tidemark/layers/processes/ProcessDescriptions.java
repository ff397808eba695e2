package org.tidemark.layers.processes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tidemark.layers.analysis.SitingRules;

/** Process summaries and descriptions (OGC 18-062r2 §7.9–7.10, the "OGC process description" class). */
final class ProcessDescriptions {
    static final List<String> IDS = List.of("siting-check", "inundation");

    private ProcessDescriptions() {}

    static Map<String, Object> summary(String id, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("version", "1.0.0");
        m.put("title", id.equals("siting-check") ? "选址防洪分析 Siting check" : "淹没分析 Inundation");
        m.put("description", id.equals("siting-check")
                ? "Can this project be sited here? Flood-zone and low-lying overlap, DEM statistics, seawall/stream distances, gauges, cameras, buildings and a rule-based verdict."
                : "If this gauge reaches a level, what floods? DEM cells below the level connected to the gauge's water body, seawalls as barriers.");
        m.put("jobControlOptions", List.of("sync-execute", "async-execute", "dismiss"));
        m.put("outputTransmission", List.of("value"));
        m.put("links", List.of(ProcessesController.link(base + "/ogc/processes/" + id, "self", "application/json", "Process description"),
                ProcessesController.link(base + "/ogc/processes/" + id + "/execution",
                        "http://www.opengis.net/def/rel/ogc/1.0/execute", "application/json", "Execute")));
        return m;
    }

    static Map<String, Object> description(String id, String base, SitingRules rules) {
        Map<String, Object> m = summary(id, base);
        Map<String, Object> inputs = new LinkedHashMap<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (id.equals("siting-check")) {
            inputs.put("site", input("场地 Site", "GeoJSON Polygon/MultiPolygon, or a Point with radius",
                    Map.of("oneOf", List.of(Map.of("format", "geojson-geometry"),
                            Map.of("$ref", "http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/schemas/polygonGeoJSON.yaml"))), 1));
            inputs.put("radius", input("半径 Radius", "metres, when the site is a point", Map.of("type", "number", "exclusiveMinimum", 0, "maximum", 5000), 0));
            inputs.put("crs", input("坐标系 CRS", "CRS of the site coordinates (default CRS84); e.g. http://www.opengis.net/def/crs/EPSG/0/4549",
                    Map.of("type", "string", "format", "uri"), 0));
            inputs.put("projectType", input("项目类型 Project type", "the rules applied", Map.of("type", "string", "enum", List.copyOf(rules.types().keySet())), 1));
            outputs.put("report", Map.of("title", "选址报告 Siting report", "schema",
                    Map.of("oneOf", List.of(Map.of("type", "object", "contentMediaType", "application/json"),
                            Map.of("type", "string", "contentMediaType", "text/html")))));
        } else {
            inputs.put("gauge", input("水位站 Gauge", "station code (STCD); or give a point", Map.of("type", "string"), 0));
            inputs.put("point", input("位置 Point", "GeoJSON Point in the water body (CRS84)", Map.of("format", "geojson-geometry"), 0));
            inputs.put("level", input("水位 Level", "metres, or \"current\" for the gauge's latest reading",
                    Map.of("oneOf", List.of(Map.of("type", "number", "minimum", -10, "maximum", 2000), Map.of("type", "string", "enum", List.of("current")))), 0));
            outputs.put("flooded", Map.of("title", "淹没范围 Flooded area", "schema", Map.of("type", "object", "contentMediaType", "application/geo+json")));
        }
        m.put("inputs", inputs);
        m.put("outputs", outputs);
        return m;
    }

    private static Map<String, Object> input(String title, String description, Map<String, Object> schema, int minOccurs) {
        return Map.of("title", title, "description", description, "schema", schema, "minOccurs", minOccurs, "maxOccurs", 1);
    }
}
