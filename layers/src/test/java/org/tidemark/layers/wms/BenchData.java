package org.tidemark.layers.wms;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.render.MapProjection;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

/**
 * Deterministic benchmark data over Xiangshan (121.5–122.2 E, 28.9–29.6 N): irregular flood-zone polygons
 * with risk classes 1–3 and camera points, plus 100 Web Mercator 256-pixel boxes at zoom 12–15. Written
 * as GeoJSON for the MapServer side of layers/bench so both servers draw the same features.
 */
final class BenchData {
    static final int ZONES = 3000;
    static final int CAMERAS = 600;
    static final FeatureType CAMERA_TYPE = new FeatureType("cameras", LocalizedText.of("摄像头", "Cameras"), null,
            List.of(org.tidemark.core.feature.Attribute.of("code", org.tidemark.core.feature.AttributeType.STRING, "编号", "Code")),
            "geom", GeometryKind.POINT, 4490, null);

    private BenchData() {}

    static List<Feature> zones() {
        Random r = new Random(42);
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < ZONES; i++) {
            double cx = 121.5 + r.nextDouble() * 0.7;
            double cy = 28.9 + r.nextDouble() * 0.7;
            double rad = 0.002 + r.nextDouble() * 0.02;
            Coordinate[] ring = new Coordinate[41];
            for (int k = 0; k < 40; k++) {
                double a = 2 * Math.PI * k / 40;
                double rr = rad * (0.7 + 0.3 * r.nextDouble());
                ring[k] = new Coordinate(cx + rr * Math.cos(a) / Math.cos(Math.toRadians(cy)), cy + rr * Math.sin(a));
            }
            ring[40] = ring[0];
            Geometry g = WmsFixtures.GF.createPolygon(ring);
            out.add(WmsFixtures.f("z" + i, g, "risk_class", 1 + r.nextInt(3), "scenario", "百年一遇", "max_depth_m", r.nextDouble() * 3));
        }
        return out;
    }

    static List<Feature> cameras() {
        Random r = new Random(7);
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < CAMERAS; i++) {
            out.add(WmsFixtures.f("c" + i, WmsFixtures.point(121.5 + r.nextDouble() * 0.7, 28.9 + r.nextDouble() * 0.7), "code", "XS-" + i));
        }
        return out;
    }

    static MemoryLayerCatalog catalog() {
        MemoryLayerCatalog c = new MemoryLayerCatalog();
        c.add(new Layer(WmsFixtures.FLOOD_ZONES, WmsFixtures.EMERGENCY, List.of(), "static", true, false, null),
                new MemoryFeatureSource(WmsFixtures.FLOOD_ZONES, zones()));
        c.add(new Layer(CAMERA_TYPE, WmsFixtures.POLICE, List.of(), "static", true, false, null),
                new MemoryFeatureSource(CAMERA_TYPE, cameras()));
        return c;
    }

    /** 100 EPSG:3857 BBOX values (minx,miny,maxx,maxy) of 256-px tiles at zooms 12–15 over the county. */
    static List<String> bboxes() {
        Random r = new Random(3);
        List<String> out = new ArrayList<>();
        MapProjection merc = MapProjection.webMercator();
        for (int i = 0; i < 100; i++) {
            int z = 12 + r.nextInt(4);
            double size = 2 * Math.PI * 6378137.0 / (1 << z);
            double[] c = merc.forward(121.55 + r.nextDouble() * 0.6, 28.95 + r.nextDouble() * 0.6);
            out.add((c[0] - size / 2) + "," + (c[1] - size / 2) + "," + (c[0] + size / 2) + "," + (c[1] + size / 2));
        }
        return out;
    }

    /** Writes flood_zones.geojson, cameras.geojson and bboxes.txt into {@code dir}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "layers/bench/data");
        Files.createDirectories(dir);
        geojson(dir.resolve("flood_zones.geojson"), zones());
        geojson(dir.resolve("cameras.geojson"), cameras());
        Files.write(dir.resolve("bboxes.txt"), bboxes(), StandardCharsets.UTF_8);
    }

    private static void geojson(Path file, List<Feature> features) throws IOException {
        org.locationtech.jts.io.geojson.GeoJsonWriter w = new org.locationtech.jts.io.geojson.GeoJsonWriter(8);
        w.setEncodeCRS(false);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < features.size(); i++) {
                Feature f = features.get(i);
                StringBuilder props = new StringBuilder();
                f.properties().forEach((k, v) -> props.append(props.isEmpty() ? "" : ",").append('"').append(k).append("\":")
                        .append(v instanceof Number ? v.toString() : "\"" + v + "\""));
                out.write("{\"type\":\"Feature\",\"id\":\"" + f.id() + "\",\"properties\":{" + props + "},\"geometry\":"
                        + w.write(f.geometry()) + "}" + (i + 1 < features.size() ? ",\n" : "\n"));
            }
            out.write("]}\n");
        }
    }
}
