package org.tidemark.layers.wms;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

/**
 * A small Xiangshan-like world for the WMS tests. The test view is 121.5–122.0 E, 29.2–29.7 N at
 * 100 × 100 px (0.005° per pixel): a risk-3 flood zone fills the north-west (to 121.85 E, pixel column 70), a risk-1 zone the
 * south-east quarter, gauges sit at known pixels, and police cameras are visible to the police only.
 */
final class WmsFixtures {
    static final GeometryFactory GF = new GeometryFactory();
    static final Department EMERGENCY = new Department("emergency", LocalizedText.of("应急管理局", "Emergency Management Bureau"));
    static final Department WATER = new Department("water", LocalizedText.of("水利局", "Water Resources Bureau"));
    static final Department POLICE = new Department("police", LocalizedText.of("公安局", "Public Security Bureau"));
    static final Principal OFFICER = new Principal("li.wei", "police", Set.of());
    static final Principal PLANNER = new Principal("wang.fang", "planning", Set.of());

    static final FeatureType FLOOD_ZONES = new FeatureType("flood_zones", LocalizedText.of("洪水风险区", "Flood zones"), null,
            List.of(Attribute.of("risk_class", AttributeType.INTEGER, "风险等级", "Risk class"),
                    Attribute.of("scenario", AttributeType.STRING, "情景", "Scenario"),
                    Attribute.of("max_depth_m", AttributeType.DOUBLE, "最大水深 (m)", "Max depth (m)")),
            "geom", GeometryKind.POLYGON, 4490, null);
    static final FeatureType GAUGES = new FeatureType("gauges", LocalizedText.of("实时水雨情站点", "Live gauges"), null,
            List.of(Attribute.of("STCD", AttributeType.STRING, "测站编码", "Station code"),
                    Attribute.of("STNM", AttributeType.STRING, "测站名称", "Station name"),
                    Attribute.of("status", AttributeType.STRING, "预警状态", "Alarm status"),
                    Attribute.of("TM", AttributeType.DATETIME, "观测时间", "Observation time")),
            "geom", GeometryKind.POINT, 4490, "TM");
    static final FeatureType CAMERAS = new FeatureType("police_cameras", LocalizedText.of("公安监控摄像头", "Police cameras"), null,
            List.of(Attribute.of("code", AttributeType.STRING, "编号", "Code"), Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                    Attribute.of("heading", AttributeType.DOUBLE, "朝向", "Heading"), Attribute.of("fov", AttributeType.DOUBLE, "视角", "FOV"),
                    Attribute.of("range_m", AttributeType.DOUBLE, "视距", "Range")),
            "geom", GeometryKind.POINT, 4490, null);

    private WmsFixtures() {}

    static Geometry box(double x0, double y0, double x1, double y1) { return GF.toGeometry(new Envelope(x0, x1, y0, y1)); }

    static Geometry point(double x, double y) { return GF.createPoint(new Coordinate(x, y)); }

    static Feature f(String id, Geometry g, Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], kv[i + 1]);
        return new Feature(id, g, p);
    }

    static MemoryLayerCatalog catalog() {
        MemoryLayerCatalog c = new MemoryLayerCatalog();
        c.add(new Layer(FLOOD_ZONES, EMERGENCY, List.of("flood"), "static", true, false, null), MemoryFeatureSource.of(FLOOD_ZONES,
                f("fz1", box(121.5, 29.45, 121.85, 29.7), "risk_class", 3, "scenario", "百年一遇", "max_depth_m", 1.8),
                f("fz2", box(121.75, 29.2, 122.0, 29.45), "risk_class", 1, "scenario", "百年一遇", "max_depth_m", 0.3)));
        c.add(new Layer(GAUGES, WATER, List.of(), "realtime", true, true, null), MemoryFeatureSource.of(GAUGES,
                // pixel (60, 20) and (90, 90) of the test view
                f("G1", point(121.8025, 29.5975), "STCD", "70100001", "STNM", "石浦潮位站", "status", "danger", "TM", Instant.parse("2026-07-01T08:00:00Z")),
                f("G2", point(121.9525, 29.2475), "STCD", "70100002", "STNM", "西周水库站", "status", "normal", "TM", Instant.parse("2026-07-02T08:00:00Z"))));
        c.add(new Layer(CAMERAS, POLICE, List.of(), "static", false, false, null), MemoryFeatureSource.of(CAMERAS,
                f("C1", point(121.6025, 29.3475), "code", "XS-001", "name", "丹城路口", "heading", 90.0, "fov", 60.0, "range_m", 300.0)));
        return c;
    }

    /**
     * Police cameras: the police only. Planners see flood zones of risk class ≥ 2 without the scenario,
     * within 121.5–121.8 E. Everything else is open.
     */
    static final AccessPolicy POLICY = (p, layer) -> {
        if (layer.equals("police_cameras")) return "police".equals(p.department()) ? AccessDecision.READ_ALL : AccessDecision.DENY;
        if (layer.equals("flood_zones") && "planning".equals(p.department())) {
            return new AccessDecision(true, Set.of("risk_class", "max_depth_m"),
                    new Filter.Comparison("risk_class", ComparisonOperator.GE, 2, true), box(121.5, 29.2, 121.8, 29.7), false);
        }
        return AccessDecision.READ_ALL;
    };

    static MockMvc mvc() { return mvc(WmsSettings.defaults()); }

    static MockMvc mvc(WmsSettings settings) {
        return MockMvcBuilders.standaloneSetup(WmsModule.create(catalog(), POLICY, settings)).build();
    }
}
