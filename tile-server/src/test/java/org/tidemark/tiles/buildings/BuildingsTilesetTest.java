package org.tidemark.tiles.buildings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.tile.TileCoord;
import org.tidemark.core.tile.TileResult;
import org.tidemark.tiles.testing.Fixtures;
import org.tidemark.tiles.testing.MemorySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BuildingsTilesetTest {
    static final GeometryFactory GF = new GeometryFactory();

    static MemorySource buildings() {
        List<Feature> fs = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 15; j++) {
                double x = 121.72 + i * 0.004, y = 29.35 + j * 0.004;
                var poly = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.0004, y),
                        new Coordinate(x + 0.0004, y + 0.0003), new Coordinate(x, y + 0.0003), new Coordinate(x, y)});
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", "楼 " + id);
                p.put("height", 6.0 + (id % 10) * 3);
                p.put("floors", 2 + id % 10);
                p.put("use", id % 2 == 0 ? "residential" : "commercial");
                p.put("town", "丹城");
                fs.add(new Feature("b" + id++, poly, p));
            }
        }
        try {
            // A courtyard building (clockwise shell, hole) to exercise orientation handling and the triangulator.
            fs.add(new Feature("court", new WKTReader(GF).read(
                    "POLYGON((121.80 29.40, 121.80 29.4008, 121.8010 29.4008, 121.8010 29.40, 121.80 29.40),"
                            + "(121.8003 29.4003, 121.8007 29.4003, 121.8007 29.4005, 121.8003 29.4005, 121.8003 29.4003))"),
                    Map.of("name", "Courtyard", "height", 20.0, "use", "public")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new MemorySource(Fixtures.type("buildings", GeometryKind.POLYGON,
                new Attribute("name", AttributeType.STRING, null, true), new Attribute("height", AttributeType.DOUBLE, null, true),
                new Attribute("floors", AttributeType.INTEGER, null, true), new Attribute("use", AttributeType.STRING, null, true)), fs);
    }

    final Buildings buildings = new Buildings(buildings(), Fixtures.dem(), 4, 40);
    final String key = buildings.viewKey(AccessDecision.READ_ALL);
    final JsonNode tileset = JsonMapper.builder().build().readTree(buildings.tilesetJson(key));

    @Test
    void tilesetIsA3dTiles11QuadtreeWithShrinkingErrorsAndNestedRegions() {
        assertThat(tileset.get("asset").get("version").asString()).isEqualTo("1.1");
        assertThat(tileset.get("geometricError").asDouble()).isGreaterThan(tileset.get("root").get("geometricError").asDouble());
        List<JsonNode> leaves = new ArrayList<>();
        walk(tileset.get("root"), null, leaves);
        assertThat(leaves.size()).isGreaterThan(4);
    }

    private void walk(JsonNode node, JsonNode parent, List<JsonNode> leaves) {
        JsonNode region = node.get("boundingVolume").get("region");
        assertThat(region).hasSize(6);
        if (parent != null) {
            JsonNode pr = parent.get("boundingVolume").get("region");
            for (int i = 0; i < 2; i++) assertThat(region.get(i).asDouble()).isGreaterThanOrEqualTo(pr.get(i).asDouble() - 1e-12);
            for (int i = 2; i < 4; i++) assertThat(region.get(i).asDouble()).isLessThanOrEqualTo(pr.get(i).asDouble() + 1e-12);
            assertThat(node.get("geometricError").asDouble()).isLessThan(parent.get("geometricError").asDouble());
        }
        if (node.has("children")) {
            assertThat(node.has("content")).isFalse();
            for (JsonNode c : node.get("children")) walk(c, node, leaves);
        } else {
            assertThat(node.get("geometricError").asDouble()).isZero();
            assertThat(node.get("transform")).hasSize(16);
            assertThat(node.get("content").get("uri").asString()).matches("content/\\d+/\\d+/\\d+\\.glb");
            leaves.add(node);
        }
    }

    @Test
    void everyLeafIsAValidGlbInsideItsRegionWithOneFeaturePerBuilding() {
        List<JsonNode> leaves = new ArrayList<>();
        walk(tileset.get("root"), null, leaves);
        Set<String> seen = new HashSet<>();
        for (JsonNode leaf : leaves) {
            String[] parts = leaf.get("content").get("uri").asString().replace("content/", "").replace(".glb", "").split("/");
            TileResult r = buildings.source().tile(new TileCoord(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2])), key);
            byte[] glb = org.tidemark.tiles.web.Gzip.decompress(((TileResult.Found) r).data());
            dumpForExternalValidation(leaf.get("content").get("uri").asString(), glb);
            GlbReader g = GlbReader.read(glb);
            JsonNode table = g.json.get("extensions").get("EXT_structural_metadata").get("propertyTables").get(0);
            int count = table.get("count").asInt();
            String[] ids = g.strings(table.get("properties").get("id").get("values").asInt(),
                    table.get("properties").get("id").get("stringOffsets").asInt(), count);
            for (String id : ids) assertThat(seen.add(id)).as("building in one tile only: " + id).isTrue();
            assertThat(g.json.get("extensionsUsed").toString()).contains("EXT_mesh_features", "EXT_structural_metadata");
            float[] fid = g.floats(2);
            for (float f : fid) assertThat(f).isBetween(0f, count - 1f);
            float[] pos = g.floats(0);
            int[] idx = g.indices(3);
            for (int i : idx) assertThat(i).isLessThan(fid.length);
            assertInsideRegion(pos, leaf);
            assertFrontFacesOutward(pos, g.floats(1), idx);
        }
        assertThat(seen).hasSize(301);
    }

    /** With TIDEMARK_DUMP_GLB=dir set, writes the glb files there (for a manual gltf-validator run). */
    private static void dumpForExternalValidation(String uri, byte[] glb) {
        String dir = System.getenv("TIDEMARK_DUMP_GLB");
        if (dir == null) return;
        try {
            java.nio.file.Path p = java.nio.file.Path.of(dir, uri.replace('/', '_'));
            java.nio.file.Files.createDirectories(p.getParent());
            java.nio.file.Files.write(p, glb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** y-up glTF → ENU → ECEF by the tile transform → geodetic; must fall inside the tile's region. */
    private static void assertInsideRegion(float[] pos, JsonNode leaf) {
        double[] t = new double[16];
        for (int i = 0; i < 16; i++) t[i] = leaf.get("transform").get(i).asDouble();
        JsonNode region = leaf.get("boundingVolume").get("region");
        for (int i = 0; i < pos.length; i += 3) {
            double e = pos[i], u = pos[i + 1], n = -pos[i + 2];
            double x = t[0] * e + t[4] * n + t[8] * u + t[12];
            double y = t[1] * e + t[5] * n + t[9] * u + t[13];
            double z = t[2] * e + t[6] * n + t[10] * u + t[14];
            double lon = Math.atan2(y, x);
            double p = Math.hypot(x, y);
            double e2 = 6.69438002290e-3;
            double lat = Math.atan2(z, p * (1 - e2));
            for (int k = 0; k < 5; k++) {
                double nn = 6378137.0 / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
                double h = p / Math.cos(lat) - nn;
                lat = Math.atan2(z, p * (1 - e2 * nn / (nn + h)));
            }
            double nn = 6378137.0 / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
            double h = p / Math.cos(lat) - nn;
            double eps = 1e-8;
            assertThat(lon).isBetween(region.get(0).asDouble() - eps, region.get(2).asDouble() + eps);
            assertThat(lat).isBetween(region.get(1).asDouble() - eps, region.get(3).asDouble() + eps);
            assertThat(h).isBetween(region.get(4).asDouble() - 0.05, region.get(5).asDouble() + 0.05);
        }
    }

    /** The geometric normal of each counter-clockwise triangle agrees with its vertex normals. */
    private static void assertFrontFacesOutward(float[] p, float[] nrm, int[] idx) {
        for (int t = 0; t < idx.length; t += 3) {
            int a = idx[t] * 3, b = idx[t + 1] * 3, c = idx[t + 2] * 3;
            double ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            double dot = cx * nrm[a] + cy * nrm[a + 1] + cz * nrm[a + 2];
            assertThat(dot).as("triangle %d", t / 3).isGreaterThan(0);
            double len = Math.sqrt(nrm[a] * nrm[a] + nrm[a + 1] * nrm[a + 1] + nrm[a + 2] * nrm[a + 2]);
            assertThat(len).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void theAccessGateFiltersRowsAndMasksAttributes() {
        AccessDecision limited = new AccessDecision(true, Set.of("name"), new Filter.ResourceId(Set.of("b1", "b2", "court")), null, false);
        String k = buildings.viewKey(limited);
        assertThat(k).isNotEqualTo(key);
        JsonNode ts = JsonMapper.builder().build().readTree(buildings.tilesetJson(k));
        List<JsonNode> leaves = new ArrayList<>();
        walk(ts.get("root"), null, leaves);
        int total = 0;
        for (JsonNode leaf : leaves) {
            String[] parts = leaf.get("content").get("uri").asString().replace("content/", "").replace(".glb", "").split("/");
            GlbReader g = GlbReader.read(org.tidemark.tiles.web.Gzip.decompress(((TileResult.Found) buildings.source().tile(
                    new TileCoord(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])), k)).data()));
            JsonNode meta = g.json.get("extensions").get("EXT_structural_metadata");
            JsonNode props = meta.get("schema").get("classes").get("building").get("properties");
            assertThat(props.has("name")).isTrue();
            assertThat(props.has("height")).isFalse();
            assertThat(props.has("use")).isFalse();
            total += meta.get("propertyTables").get(0).get("count").asInt();
        }
        assertThat(total).isEqualTo(3);
    }

    @Test
    void aChangedLayerVersionRebuildsTheViews() {
        MemorySource src = buildings();
        Buildings b = new Buildings(src, Fixtures.dem(), 4, 40);
        String k = b.viewKey(AccessDecision.READ_ALL);
        assertThat(b.refresh()).isZero();
        src.version = 5;
        assertThat(b.refresh()).isEqualTo(5);
        assertThat(b.source().tile(new TileCoord(0, 0, 0), k)).isInstanceOf(TileResult.NotFound.class);
    }
}
