package org.tidemark.tiles.buildings;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one batched building mesh as binary glTF 2.0 (glTF 2.0 §4.4 "GLB File Format Specification":
 * 12-byte header, JSON chunk padded with spaces, BIN chunk padded with zeros, 4-byte alignment), with
 * per-building feature ids ({@code EXT_mesh_features}, attribute {@code _FEATURE_ID_0}) and a property
 * table ({@code EXT_structural_metadata}: id, name, height, floors, use; buffer views 8-byte aligned as
 * that extension requires). Attributes hidden by the access gate are left out of the schema.
 */
final class GlbWriter {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ARRAY_BUFFER = 34962;
    private static final int ELEMENT_ARRAY_BUFFER = 34963;
    private static final int FLOAT = 5126;
    private static final int UNSIGNED_SHORT = 5123;
    private static final int UNSIGNED_INT = 5125;

    private GlbWriter() {}

    /** Which metadata properties to publish. */
    record Visible(boolean name, boolean height, boolean floors, boolean use) {
        static final Visible ALL = new Visible(true, true, true, true);
    }

    static byte[] write(BuildingMesher.Mesh mesh, List<BuildingRecord> buildings, Visible visible) {
        Map<String, Object> gltf = new LinkedHashMap<>();
        gltf.put("asset", Map.of("version", "2.0", "generator", "Tidemark tile-server"));
        gltf.put("scene", 0);
        if (mesh.vertexCount() == 0) {
            gltf.put("scenes", List.of(Map.of("nodes", List.of(0))));
            gltf.put("nodes", List.of(Map.of("name", "empty")));
            return glb(jsonBytes(gltf), new byte[0]);
        }
        Bin bin = new Bin();
        List<Map<String, Object>> views = new ArrayList<>();
        List<Map<String, Object>> accessors = new ArrayList<>();
        int n = mesh.vertexCount();
        views.add(bin.view(floats(mesh.positions()), ARRAY_BUFFER));
        views.add(bin.view(floats(mesh.normals()), ARRAY_BUFFER));
        views.add(bin.view(floats(mesh.featureIds()), ARRAY_BUFFER));
        boolean wide = n > 65535;
        views.add(bin.view(indices(mesh.indices(), wide), ELEMENT_ARRAY_BUFFER));
        accessors.add(accessor(0, FLOAT, n, "VEC3", mesh.min(), mesh.max()));
        accessors.add(accessor(1, FLOAT, n, "VEC3", null, null));
        accessors.add(accessor(2, FLOAT, n, "SCALAR", new float[] {0}, new float[] {buildings.size() - 1}));
        accessors.add(accessor(3, wide ? UNSIGNED_INT : UNSIGNED_SHORT, mesh.indices().length, "SCALAR", null, null));

        Map<String, Object> classProps = new LinkedHashMap<>();
        Map<String, Object> tableProps = new LinkedHashMap<>();
        classProps.put("id", Map.of("type", "STRING", "description", "feature id"));
        tableProps.put("id", strings(bin, views, buildings, BuildingRecord::id));
        if (visible.name()) {
            classProps.put("name", Map.of("type", "STRING"));
            tableProps.put("name", strings(bin, views, buildings, BuildingRecord::name));
        }
        if (visible.height()) {
            classProps.put("height", Map.of("type", "SCALAR", "componentType", "FLOAT32", "description", "metres above ground"));
            ByteBuffer b = le(4 * buildings.size());
            for (BuildingRecord r : buildings) b.putFloat((float) r.height());
            tableProps.put("height", Map.of("values", views.size()));
            views.add(bin.view(b.array(), 0));
        }
        if (visible.floors()) {
            classProps.put("floors", Map.of("type", "SCALAR", "componentType", "INT32", "noData", -1));
            ByteBuffer b = le(4 * buildings.size());
            for (BuildingRecord r : buildings) b.putInt(r.floors() == null ? -1 : r.floors());
            tableProps.put("floors", Map.of("values", views.size()));
            views.add(bin.view(b.array(), 0));
        }
        if (visible.use()) {
            classProps.put("use", Map.of("type", "STRING"));
            tableProps.put("use", strings(bin, views, buildings, BuildingRecord::use));
        }
        byte[] binary = bin.bytes();

        gltf.put("extensionsUsed", List.of("EXT_mesh_features", "EXT_structural_metadata"));
        gltf.put("extensions", Map.of("EXT_structural_metadata", Map.of(
                "schema", Map.of("id", "tidemark_buildings", "classes", Map.of("building",
                        Map.of("name", "Building", "properties", classProps))),
                "propertyTables", List.of(Map.of("name", "buildings", "class", "building", "count", buildings.size(),
                        "properties", tableProps)))));
        gltf.put("scenes", List.of(Map.of("nodes", List.of(0))));
        gltf.put("nodes", List.of(Map.of("mesh", 0, "name", "buildings")));
        Map<String, Object> primitive = new LinkedHashMap<>();
        primitive.put("attributes", Map.of("POSITION", 0, "NORMAL", 1, "_FEATURE_ID_0", 2));
        primitive.put("indices", 3);
        primitive.put("material", 0);
        primitive.put("mode", 4);
        primitive.put("extensions", Map.of("EXT_mesh_features", Map.of("featureIds", List.of(
                Map.of("featureCount", buildings.size(), "attribute", 0, "propertyTable", 0)))));
        gltf.put("meshes", List.of(Map.of("primitives", List.of(primitive))));
        gltf.put("materials", List.of(Map.of("name", "building", "pbrMetallicRoughness",
                Map.of("baseColorFactor", List.of(0.86, 0.84, 0.80, 1.0), "metallicFactor", 0.0, "roughnessFactor", 0.9))));
        gltf.put("accessors", accessors);
        gltf.put("bufferViews", views);
        gltf.put("buffers", List.of(Map.of("byteLength", binary.length)));
        return glb(jsonBytes(gltf), binary);
    }

    private static Map<String, Object> strings(Bin bin, List<Map<String, Object>> views, List<BuildingRecord> rs,
                                               Function<BuildingRecord, String> value) {
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        ByteBuffer offsets = le(4 * (rs.size() + 1));
        offsets.putInt(0);
        for (BuildingRecord r : rs) {
            String s = value.apply(r);
            values.writeBytes((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
            offsets.putInt(values.size());
        }
        int valuesView = views.size();
        views.add(bin.view(values.toByteArray(), 0));
        views.add(bin.view(offsets.array(), 0));
        return Map.of("values", valuesView, "stringOffsets", valuesView + 1, "stringOffsetType", "UINT32");
    }

    private static Map<String, Object> accessor(int view, int componentType, int count, String type, float[] min,
                                                float[] max) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("bufferView", view);
        a.put("byteOffset", 0);
        a.put("componentType", componentType);
        a.put("count", count);
        a.put("type", type);
        if (min != null) {
            a.put("min", toList(min));
            a.put("max", toList(max));
        }
        return a;
    }

    private static List<Double> toList(float[] f) {
        List<Double> l = new ArrayList<>(f.length);
        for (float v : f) l.add((double) v);
        return l;
    }

    private static byte[] floats(float[] f) {
        ByteBuffer b = le(4 * f.length);
        for (float v : f) b.putFloat(v);
        return b.array();
    }

    private static byte[] indices(int[] idx, boolean wide) {
        ByteBuffer b = le((wide ? 4 : 2) * idx.length);
        for (int i : idx) {
            if (wide) b.putInt(i);
            else b.putShort((short) i);
        }
        return b.array();
    }

    private static ByteBuffer le(int size) { return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN); }

    private static byte[] jsonBytes(Map<String, Object> gltf) {
        return JSON.writeValueAsBytes(gltf);
    }

    /** Assembles the GLB container. */
    static byte[] glb(byte[] json, byte[] bin) {
        int jsonLen = (json.length + 3) & ~3;
        int binLen = (bin.length + 3) & ~3;
        int total = 12 + 8 + jsonLen + (bin.length > 0 ? 8 + binLen : 0);
        ByteBuffer b = le(total);
        b.putInt(0x46546C67).putInt(2).putInt(total);
        b.putInt(jsonLen).putInt(0x4E4F534A).put(json);
        for (int i = json.length; i < jsonLen; i++) b.put((byte) ' ');
        if (bin.length > 0) {
            b.putInt(binLen).putInt(0x004E4942).put(bin);
            for (int i = bin.length; i < binLen; i++) b.put((byte) 0);
        }
        return b.array();
    }

    /** The BIN chunk under construction; every buffer view starts on an 8-byte boundary. */
    private static final class Bin {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

        Map<String, Object> view(byte[] data, int target) {
            if (data.length == 0) data = new byte[1]; // glTF 2.0: byteLength >= 1
            while (out.size() % 8 != 0) out.write(0);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("buffer", 0);
            v.put("byteOffset", out.size());
            v.put("byteLength", data.length);
            if (target != 0) v.put("target", target);
            out.writeBytes(data);
            return v;
        }

        byte[] bytes() {
            while (out.size() % 8 != 0) out.write(0);
            return out.toByteArray();
        }
    }
}
