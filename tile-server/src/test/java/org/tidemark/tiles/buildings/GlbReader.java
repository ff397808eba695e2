package org.tidemark.tiles.buildings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses and structurally validates a GLB for the tests (glTF 2.0 §4.4 and §5 accessor/bufferView rules). */
final class GlbReader {
    final JsonNode json;
    final ByteBuffer bin;

    private GlbReader(JsonNode json, ByteBuffer bin) {
        this.json = json;
        this.bin = bin;
    }

    static GlbReader read(byte[] glb) {
        ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt()).as("magic").isEqualTo(0x46546C67);
        assertThat(b.getInt()).as("version").isEqualTo(2);
        assertThat(b.getInt()).as("length").isEqualTo(glb.length);
        assertThat(glb.length % 4).isZero();
        int jsonLen = b.getInt();
        assertThat(b.getInt()).isEqualTo(0x4E4F534A);
        assertThat(jsonLen % 4).isZero();
        byte[] j = new byte[jsonLen];
        b.get(j);
        JsonNode json = JsonMapper.builder().build().readTree(new String(j, StandardCharsets.UTF_8));
        ByteBuffer bin = null;
        if (b.hasRemaining()) {
            int binLen = b.getInt();
            assertThat(b.getInt()).isEqualTo(0x004E4942);
            assertThat(binLen % 4).isZero();
            assertThat(b.remaining()).isEqualTo(binLen);
            bin = b.slice().order(ByteOrder.LITTLE_ENDIAN);
            assertThat(json.get("buffers").get(0).get("byteLength").asInt()).isBetween(binLen - 3, binLen);
        }
        GlbReader r = new GlbReader(json, bin);
        r.checkViewsAndAccessors();
        return r;
    }

    private void checkViewsAndAccessors() {
        JsonNode views = json.get("bufferViews");
        if (views == null) return;
        int bufferLength = json.get("buffers").get(0).get("byteLength").asInt();
        for (JsonNode v : views) {
            int off = v.get("byteOffset").asInt(), len = v.get("byteLength").asInt();
            assertThat(len).isPositive();
            assertThat(off % 8).as("view alignment").isZero();
            assertThat(off + len).isLessThanOrEqualTo(bufferLength);
        }
        for (JsonNode a : json.get("accessors")) {
            JsonNode v = views.get(a.get("bufferView").asInt());
            int size = componentSize(a.get("componentType").asInt()) * components(a.get("type").asString());
            assertThat(a.get("count").asInt()).isPositive();
            assertThat(a.get("byteOffset").asInt() + a.get("count").asInt() * size).isLessThanOrEqualTo(v.get("byteLength").asInt());
            if (a.has("min")) {
                float[] lo = new float[a.get("min").size()], hi = new float[lo.length];
                java.util.Arrays.fill(lo, Float.MAX_VALUE);
                java.util.Arrays.fill(hi, -Float.MAX_VALUE);
                int base = v.get("byteOffset").asInt();
                for (int i = 0; i < a.get("count").asInt(); i++) {
                    for (int k = 0; k < lo.length; k++) {
                        float f = bin.getFloat(base + (i * lo.length + k) * 4);
                        lo[k] = Math.min(lo[k], f);
                        hi[k] = Math.max(hi[k], f);
                    }
                }
                for (int k = 0; k < lo.length; k++) {
                    assertThat(a.get("min").get(k).asDouble()).isEqualTo((double) lo[k]);
                    assertThat(a.get("max").get(k).asDouble()).isEqualTo((double) hi[k]);
                }
            }
        }
    }

    float[] floats(int accessor) {
        JsonNode a = json.get("accessors").get(accessor);
        JsonNode v = json.get("bufferViews").get(a.get("bufferView").asInt());
        int n = a.get("count").asInt() * components(a.get("type").asString());
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = bin.getFloat(v.get("byteOffset").asInt() + i * 4);
        return out;
    }

    int[] indices(int accessor) {
        JsonNode a = json.get("accessors").get(accessor);
        JsonNode v = json.get("bufferViews").get(a.get("bufferView").asInt());
        boolean wide = a.get("componentType").asInt() == 5125;
        int[] out = new int[a.get("count").asInt()];
        for (int i = 0; i < out.length; i++) {
            int off = v.get("byteOffset").asInt() + i * (wide ? 4 : 2);
            out[i] = wide ? bin.getInt(off) : Short.toUnsignedInt(bin.getShort(off));
        }
        return out;
    }

    String[] strings(int valuesView, int offsetsView, int count) {
        JsonNode vv = json.get("bufferViews").get(valuesView), ov = json.get("bufferViews").get(offsetsView);
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            int a = bin.getInt(ov.get("byteOffset").asInt() + 4 * i), b = bin.getInt(ov.get("byteOffset").asInt() + 4 * i + 4);
            byte[] s = new byte[b - a];
            bin.get(vv.get("byteOffset").asInt() + a, s);
            out[i] = new String(s, StandardCharsets.UTF_8);
        }
        return out;
    }

    private static int componentSize(int type) {
        return switch (type) {
            case 5120, 5121 -> 1;
            case 5122, 5123 -> 2;
            default -> 4;
        };
    }

    private static int components(String type) {
        return switch (type) {
            case "SCALAR" -> 1;
            case "VEC2" -> 2;
            case "VEC3" -> 3;
            case "VEC4", "MAT2" -> 4;
            case "MAT3" -> 9;
            default -> 16;
        };
    }
}
