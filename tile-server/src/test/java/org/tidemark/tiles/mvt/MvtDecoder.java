package org.tidemark.tiles.mvt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An independent Mapbox Vector Tile 2.1 decoder for the tests (protobuf and geometry commands by hand). */
final class MvtDecoder {
    record Feature(int type, Map<String, Object> properties, List<List<int[]>> parts) {}

    record Layer(String name, int version, int extent, List<Feature> features) {}

    private final byte[] b;
    private int pos;

    private MvtDecoder(byte[] b, int pos) {
        this.b = b;
        this.pos = pos;
    }

    static Map<String, Layer> decode(byte[] tile) {
        Map<String, Layer> out = new LinkedHashMap<>();
        MvtDecoder d = new MvtDecoder(tile, 0);
        while (d.pos < tile.length) {
            long key = d.varint();
            if ((key >>> 3) == 3 && (key & 7) == 2) {
                Layer l = d.layer(d.sub());
                out.put(l.name, l);
            } else {
                d.skip((int) (key & 7));
            }
        }
        return out;
    }

    private byte[] sub() {
        int len = (int) varint();
        byte[] s = java.util.Arrays.copyOfRange(b, pos, pos + len);
        pos += len;
        return s;
    }

    private Layer layer(byte[] data) {
        MvtDecoder d = new MvtDecoder(data, 0);
        String name = null;
        int version = 0, extent = 4096;
        List<byte[]> rawFeatures = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (d.pos < data.length) {
            long key = d.varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> name = new String(d.sub(), StandardCharsets.UTF_8);
                case 2 -> rawFeatures.add(d.sub());
                case 3 -> keys.add(new String(d.sub(), StandardCharsets.UTF_8));
                case 4 -> values.add(value(d.sub()));
                case 5 -> extent = (int) d.varint();
                case 15 -> version = (int) d.varint();
                default -> d.skip((int) (key & 7));
            }
        }
        List<Feature> features = new ArrayList<>();
        for (byte[] f : rawFeatures) features.add(feature(f, keys, values));
        return new Layer(name, version, extent, features);
    }

    private static Object value(byte[] data) {
        MvtDecoder d = new MvtDecoder(data, 0);
        long key = d.varint();
        return switch ((int) (key >>> 3)) {
            case 1 -> new String(d.sub(), StandardCharsets.UTF_8);
            case 3 -> {
                long bits = 0;
                for (int i = 0; i < 8; i++) bits |= (long) (data[d.pos + i] & 0xff) << (8 * i);
                yield Double.longBitsToDouble(bits);
            }
            case 4, 5 -> d.varint();
            case 6 -> {
                long z = d.varint();
                yield (z >>> 1) ^ -(z & 1);
            }
            case 7 -> d.varint() != 0;
            default -> null;
        };
    }

    private static Feature feature(byte[] data, List<String> keys, List<Object> values) {
        MvtDecoder d = new MvtDecoder(data, 0);
        int type = 0;
        List<Long> tags = new ArrayList<>(), geom = new ArrayList<>();
        while (d.pos < data.length) {
            long key = d.varint();
            switch ((int) (key >>> 3)) {
                case 2 -> tags.addAll(packed(d.sub()));
                case 3 -> type = (int) d.varint();
                case 4 -> geom.addAll(packed(d.sub()));
                default -> d.skip((int) (key & 7));
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < tags.size(); i += 2) props.put(keys.get(tags.get(i).intValue()), values.get(tags.get(i + 1).intValue()));
        List<List<int[]>> parts = new ArrayList<>();
        int x = 0, y = 0, i = 0;
        List<int[]> current = null;
        while (i < geom.size()) {
            long cmd = geom.get(i++);
            int id = (int) (cmd & 7), count = (int) (cmd >>> 3);
            if (id == 7) continue;
            for (int k = 0; k < count; k++) {
                long zx = geom.get(i++), zy = geom.get(i++);
                x += (int) ((zx >>> 1) ^ -(zx & 1));
                y += (int) ((zy >>> 1) ^ -(zy & 1));
                if (id == 1) {
                    current = new ArrayList<>();
                    parts.add(current);
                }
                current.add(new int[] {x, y});
            }
        }
        return new Feature(type, props, parts);
    }

    private static List<Long> packed(byte[] data) {
        MvtDecoder d = new MvtDecoder(data, 0);
        List<Long> out = new ArrayList<>();
        while (d.pos < data.length) out.add(d.varint());
        return out;
    }

    private long varint() {
        long v = 0;
        int shift = 0;
        while (true) {
            int x = b[pos++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            if (x < 0x80) return v;
            shift += 7;
        }
    }

    private void skip(int wire) {
        switch (wire) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> pos += (int) varint();
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wire);
        }
    }

    /** Twice the signed area of a ring in tile coordinates (y down): positive = exterior. */
    static long area(List<int[]> ring) {
        long a = 0;
        for (int i = 0; i < ring.size(); i++) {
            int[] p = ring.get(i), q = ring.get((i + 1) % ring.size());
            a += (long) p[0] * q[1] - (long) q[0] * p[1];
        }
        return a;
    }
}
