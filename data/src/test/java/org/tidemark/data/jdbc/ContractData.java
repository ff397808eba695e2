package org.tidemark.data.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;

/**
 * The fixture of the store contract: a type with every attribute type and a deterministic mix of
 * points, lines and polygons around Xiangshan (121.87°E, 29.48°N), with nulls sprinkled in.
 */
final class ContractData {
    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);
    static final double X0 = 121.80;
    static final double Y0 = 29.40;
    static final Instant T0 = Instant.parse("2024-07-01T00:00:00Z");
    static final String[] NAMES = {"象山港大桥", "石浦渔港", "Dongmen Island", "爵溪", "丹城 West", "tidemark", "TideMark",
            "O'Brien", "100% pure", "under_score", "back\\slash", "双引号\"名"};
    static final String[] USES = {"residential", "commercial", "industrial", "public", null};

    private ContractData() {}

    static FeatureType type(String name) {
        return new FeatureType(name, LocalizedText.of("契约测试", "Contract test"), LocalizedText.of("测试数据", "test data"),
                List.of(
                        Attribute.of("name", AttributeType.STRING, "名称", "Name"),
                        Attribute.of("use", AttributeType.STRING, "用途", "Use"),
                        Attribute.of("floors", AttributeType.INTEGER, "层数", "Floors"),
                        Attribute.of("population", AttributeType.LONG, "人口", "Population"),
                        Attribute.of("height", AttributeType.DOUBLE, "高度", "Height"),
                        Attribute.of("active", AttributeType.BOOLEAN, "启用", "Active"),
                        Attribute.of("built", AttributeType.DATE, "建成日期", "Built"),
                        Attribute.of("observed", AttributeType.DATETIME, "观测时间", "Observed")),
                "geom", GeometryKind.GEOMETRY, 4490, "observed");
    }

    /** {@code n} features with blank ids (the store assigns them), deterministic for a seed. */
    static List<Feature> features(int n, long seed) {
        Random r = new Random(seed);
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", i % 17 == 16 ? null : NAMES[i % NAMES.length] + (i >= NAMES.length ? " " + i : ""));
            p.put("use", USES[r.nextInt(USES.length)]);
            p.put("floors", i % 11 == 10 ? null : r.nextInt(30) + 1);
            p.put("population", r.nextInt(5) == 0 ? null : (long) r.nextInt(4000) * 1_000_003L);
            p.put("height", i % 13 == 12 ? null : Math.round(r.nextDouble() * 1200) / 10.0);
            p.put("active", i % 9 == 8 ? null : r.nextBoolean());
            p.put("built", i % 7 == 6 ? null : LocalDate.of(1990, 1, 1).plusDays(r.nextInt(12_000)));
            p.put("observed", i % 8 == 7 ? null : T0.plusSeconds(3600L * r.nextInt(24 * 60)).plusMillis(r.nextInt(1000)));
            out.add(new Feature("", i % 19 == 18 ? null : geometry(i, r), p));
        }
        return out;
    }

    private static Geometry geometry(int i, Random r) {
        double x = X0 + r.nextDouble() * 0.3;
        double y = Y0 + r.nextDouble() * 0.2;
        return switch (i % 3) {
            case 0 -> GF.createPoint(new Coordinate(x, y));
            case 1 -> GF.createLineString(new Coordinate[] {
                    new Coordinate(x, y), new Coordinate(x + 0.01, y + 0.005), new Coordinate(x + 0.02, y - 0.003)});
            default -> {
                double w = 0.002 + r.nextDouble() * 0.01;
                yield GF.toGeometry(new org.locationtech.jts.geom.Envelope(x, x + w, y, y + w * 0.8));
            }
        };
    }

    static Geometry box(double minX, double minY, double maxX, double maxY) {
        return GF.toGeometry(new org.locationtech.jts.geom.Envelope(minX, maxX, minY, maxY));
    }

    static Geometry point(double x, double y) { return GF.createPoint(new Coordinate(x, y)); }

    static Geometry line(double... xy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        return GF.createLineString(cs);
    }
}
