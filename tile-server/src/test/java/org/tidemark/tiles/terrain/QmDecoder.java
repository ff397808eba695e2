package org.tidemark.tiles.terrain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An independent quantized-mesh-1.0 decoder written from the specification for the tests (it shares
 * no code with the writer): header, zig-zag deltas, high-water-mark indices, edges, extensions.
 */
final class QmDecoder {
    double[] center = new double[3];
    float minHeight, maxHeight;
    double[] sphereCenter = new double[3];
    double sphereRadius;
    double[] horizon = new double[3];
    int vertexCount;
    int[] u, v, h;
    int[] indices;
    boolean wideIndices;
    int[] west, south, east, north;
    final Map<Integer, byte[]> extensions = new LinkedHashMap<>();

    static QmDecoder decode(byte[] data) {
        QmDecoder d = new QmDecoder();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 3; i++) d.center[i] = b.getDouble();
        d.minHeight = b.getFloat();
        d.maxHeight = b.getFloat();
        for (int i = 0; i < 3; i++) d.sphereCenter[i] = b.getDouble();
        d.sphereRadius = b.getDouble();
        for (int i = 0; i < 3; i++) d.horizon[i] = b.getDouble();
        int n = b.getInt();
        d.vertexCount = n;
        d.u = unzig(b, n);
        d.v = unzig(b, n);
        d.h = unzig(b, n);
        d.wideIndices = n > 65536;
        if (d.wideIndices && b.position() % 4 != 0) b.position(b.position() + 4 - b.position() % 4);
        int triangles = b.getInt();
        d.indices = new int[triangles * 3];
        int highest = 0;
        for (int i = 0; i < d.indices.length; i++) {
            int code = d.wideIndices ? b.getInt() : Short.toUnsignedInt(b.getShort());
            d.indices[i] = highest - code;
            if (code == 0) highest++;
        }
        d.west = edge(b, d.wideIndices);
        d.south = edge(b, d.wideIndices);
        d.east = edge(b, d.wideIndices);
        d.north = edge(b, d.wideIndices);
        while (b.hasRemaining()) {
            int id = Byte.toUnsignedInt(b.get());
            int len = b.getInt();
            byte[] ext = new byte[len];
            b.get(ext);
            d.extensions.put(id, ext);
        }
        return d;
    }

    private static int[] unzig(ByteBuffer b, int n) {
        int[] out = new int[n];
        int value = 0;
        for (int i = 0; i < n; i++) {
            int z = Short.toUnsignedInt(b.getShort());
            value += (z >>> 1) ^ -(z & 1);
            out[i] = value;
        }
        return out;
    }

    private static int[] edge(ByteBuffer b, boolean wide) {
        int[] out = new int[b.getInt()];
        for (int i = 0; i < out.length; i++) out[i] = wide ? b.getInt() : Short.toUnsignedInt(b.getShort());
        return out;
    }

    double height(int i) { return minHeight + (maxHeight - minHeight) * h[i] / 32767.0; }

    /** Decoded unit normal of vertex i (oct-decoding as in the spec), or null without the extension. */
    double[] normal(int i) {
        byte[] ext = extensions.get(1);
        if (ext == null) return null;
        double x = Byte.toUnsignedInt(ext[2 * i]) / 255.0 * 2 - 1;
        double y = Byte.toUnsignedInt(ext[2 * i + 1]) / 255.0 * 2 - 1;
        double z = 1 - Math.abs(x) - Math.abs(y);
        if (z < 0) {
            double ox = x;
            x = (1 - Math.abs(y)) * Math.signum(ox == 0 ? 1 : ox);
            y = (1 - Math.abs(ox)) * Math.signum(y == 0 ? 1 : y);
        }
        double len = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / len, y / len, z / len};
    }
}
