package org.tidemark.layers.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
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
 * A small Xiangshan-like catalog for the protocol tests: place names (points), roads (lines), reservoirs
 * (polygons), water readings with time, and police cameras that only police principals may see (water
 * principals see them without the {@code code} attribute and only on road S214).
 */
public final class TestLayers {
    public static final Principal POLICE = new Principal("officer", "police", Set.of());
    public static final Principal WATER = new Principal("engineer", "water", Set.of());
    public static final Principal PLANNING = new Principal("planner", "planning", Set.of("steward"));
    static final GeometryFactory GF = new GeometryFactory();

    private TestLayers() {}

    public static MemoryLayerCatalog catalog() {
        MemoryLayerCatalog c = new MemoryLayerCatalog();
        Department planning = new Department("planning", LocalizedText.of("规划局", "Planning Bureau"));
        Department water = new Department("water", LocalizedText.of("水利局", "Water Resources Bureau"));
        Department police = new Department("police", LocalizedText.of("公安局", "Public Security Bureau"));

        FeatureType places = new FeatureType("place_names", LocalizedText.of("地名", "Place names"), null,
                List.of(Attribute.of("name_zh", AttributeType.STRING, "中文名", "Chinese name"),
                        Attribute.of("name_en", AttributeType.STRING, "英文名", "English name"),
                        Attribute.of("kind", AttributeType.STRING, "类别", "Kind"),
                        Attribute.of("population", AttributeType.INTEGER, "人口", "Population")),
                "geom", GeometryKind.POINT, 4490, null);
        List<Feature> placeFeatures = new ArrayList<>();
        String[][] p = {{"丹城", "Dancheng", "town", "121.8753", "29.4765", "120000"},
                {"石浦", "Shipu", "town", "121.9490", "29.2060", "80000"},
                {"西周", "Xizhou", "town", "121.7030", "29.5780", "50000"},
                {"爵溪", "Juexi", "town", "121.9560", "29.4640", "30000"},
                {"渔山岛", "Yushan Island", "island", "122.2520", "28.8890", null}};
        for (int i = 0; i < p.length; i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name_zh", p[i][0]);
            props.put("name_en", p[i][1]);
            props.put("kind", p[i][2]);
            props.put("population", p[i][5] == null ? null : Integer.parseInt(p[i][5]));
            placeFeatures.add(new Feature("p" + (i + 1), point(Double.parseDouble(p[i][3]), Double.parseDouble(p[i][4])), props));
        }
        c.add(new Layer(places, planning, List.of("地名", "place names"), "static", true, false, "planning@xiangshan.example"),
                new org.tidemark.core.source.memory.MemoryFeatureStore(places, placeFeatures));

        FeatureType roads = new FeatureType("roads", LocalizedText.of("道路", "Roads"), null,
                List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                        Attribute.of("class", AttributeType.STRING, "等级", "Class")),
                "geom", GeometryKind.LINESTRING, 4490, null);
        c.add(new Layer(roads, planning, List.of("道路"), "static", true, false, null),
                new org.tidemark.core.source.memory.MemoryFeatureStore(roads, List.of(
                        new Feature("r1", wkt("LINESTRING (121.80 29.40, 121.90 29.50)"), Map.of("name", "S214", "class", "provincial")),
                        new Feature("r2", wkt("LINESTRING (121.70 29.20, 121.95 29.21)"), Map.of("name", "G228", "class", "national")),
                        new Feature("r3", wkt("LINESTRING (121.85 29.45, 121.88 29.48)"), Map.of("name", "丹城路", "class", "urban")))));

        FeatureType reservoirs = new FeatureType("reservoirs", LocalizedText.of("水库", "Reservoirs"), null,
                List.of(Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                        Attribute.of("capacity_mcm", AttributeType.DOUBLE, "库容", "Capacity (million m³)")),
                "geom", GeometryKind.POLYGON, 4490, null);
        c.add(new Layer(reservoirs, water, List.of("水库"), "static", true, false, null),
                new org.tidemark.core.source.memory.MemoryFeatureStore(reservoirs, List.of(
                        new Feature("1", wkt("POLYGON ((121.80 29.40, 121.84 29.40, 121.84 29.44, 121.80 29.44, 121.80 29.40))"),
                                Map.of("name", "仓岙水库", "capacity_mcm", 12.5)),
                        new Feature("2", wkt("POLYGON ((121.90 29.30, 121.93 29.30, 121.93 29.33, 121.90 29.33, 121.90 29.30))"),
                                Map.of("name", "溪口水库", "capacity_mcm", 3.25)))));

        FeatureType readings = new FeatureType("readings", LocalizedText.of("水位观测", "Water level readings"), null,
                List.of(Attribute.of("station", AttributeType.STRING, "测站", "Station"),
                        Attribute.of("level", AttributeType.DOUBLE, "水位", "Level (m)"),
                        Attribute.of("observed", AttributeType.DATETIME, "观测时间", "Observed at")),
                "geom", GeometryKind.POINT, 4490, "observed");
        List<Feature> rs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rs.add(new Feature("w" + i, point(121.85 + i * 0.01, 29.45), Map.of("station", "63201" + i, "level", 2.0 + i * 0.5,
                    "observed", Instant.parse("2026-07-0" + (i + 1) + "T08:00:00Z"))));
        }
        c.add(new Layer(readings, water, List.of(), "realtime", true, true, null), new org.tidemark.core.source.memory.MemoryFeatureStore(readings, rs));

        FeatureType cameras = new FeatureType("police_cameras", LocalizedText.of("公安监控", "Police cameras"), null,
                List.of(Attribute.of("code", AttributeType.STRING, "编码", "Code"),
                        Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                        Attribute.of("road", AttributeType.STRING, "道路", "Road")),
                "geom", GeometryKind.POINT, 4490, null);
        c.add(new Layer(cameras, police, List.of(), "static", false, false, null),
                new org.tidemark.core.source.memory.MemoryFeatureStore(cameras, List.of(
                        new Feature("c1", point(121.86, 29.46), Map.of("code", "XS-0001", "name", "丹城东", "road", "S214")),
                        new Feature("c2", point(121.95, 29.21), Map.of("code", "XS-0002", "name", "石浦港", "road", "G228")))));
        return c;
    }

    /**
     * Police see their cameras; water sees them on S214 without codes; everyone else does not see them. The
     * planning department may edit roads (the only writable store); everything else is read-only.
     */
    public static AccessPolicy policy() {
        return (principal, layer) -> {
            if (layer.equals("roads") && "planning".equals(principal.department())) return AccessDecision.FULL;
            if (!layer.equals("police_cameras")) return AccessDecision.READ_ALL;
            if ("police".equals(principal.department())) return AccessDecision.FULL;
            if ("water".equals(principal.department())) {
                return new AccessDecision(true, Set.of("name", "road"),
                        new Filter.Comparison("road", ComparisonOperator.EQ, "S214", true), null, false);
            }
            return AccessDecision.DENY;
        };
    }

    public static GatedCatalog gated() { return new GatedCatalog(catalog(), policy()); }

    static Geometry point(double x, double y) { return GF.createPoint(new Coordinate(x, y)); }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader(GF).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
