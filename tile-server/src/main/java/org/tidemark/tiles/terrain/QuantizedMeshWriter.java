package org.tidemark.tiles.terrain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Encodes a {@link TerrainMesh} as quantized-mesh-1.0 (CesiumGS quantized-mesh specification, sections
 * "Header", "Vertex Data", "Index Data", "Edge Indices" and "Extensions"): little-endian header with the
 * ECEF centre, height range, bounding sphere and horizon occlusion point; zig-zag delta-coded u, v and
 * height; high-water-mark coded triangle indices (16-bit up to 65,536 vertices, else 32-bit after
 * 4-byte alignment padding); west/south/east/north edge vertex lists; then the requested extensions in
 * id order ({@code octvertexnormals} = 1, {@code watermask} = 2).
 */
final class QuantizedMeshWriter {
    static final int QMAX = 32767;
    static final int HEADER_BYTES = 88;
    static final byte EXT_OCT_NORMALS = 1;
    static final byte EXT_WATER_MASK = 2;

    private QuantizedMeshWriter() {}

    /**
     * @param normals   whether to append oct-encoded normals (the mesh must carry them)
     * @param waterMask the water mask (1 or 65,536 bytes), or null to omit the extension
     */
    static byte[] write(TerrainMesh mesh, boolean normals, byte[] waterMask) {
        int n = mesh.vertexCount();
        boolean wide = n > 65536;
        int indexSize = wide ? 4 : 2;
        int[] west = edge(mesh, true, 0), south = edge(mesh, false, 0);
        int[] east = edge(mesh, true, QMAX), north = edge(mesh, false, QMAX);
        int size = HEADER_BYTES + 4 + 6 * n;
        int pad = wide && size % 4 != 0 ? 4 - size % 4 : 0;
        size += pad + 4 + mesh.indices().length * indexSize;
        size += 16 + (west.length + south.length + east.length + north.length) * indexSize;
        if (normals) size += 5 + 2 * n;
        if (waterMask != null) size += 5 + waterMask.length;

        ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader(buf, mesh);
        buf.putInt(n);
        zigZagDeltas(buf, mesh.u());
        zigZagDeltas(buf, mesh.v());
        zigZagDeltas(buf, quantizedHeights(mesh));
        for (int i = 0; i < pad; i++) buf.put((byte) 0);
        buf.putInt(mesh.triangleCount());
        int highest = 0;
        for (int index : mesh.indices()) {
            int code = highest - index;
            if (code < 0) throw new IllegalStateException("vertices are not numbered in first-use order");
            putIndex(buf, code, wide);
            if (code == 0) highest++;
        }
        for (int[] e : new int[][] {west, south, east, north}) {
            buf.putInt(e.length);
            for (int i : e) putIndex(buf, i, wide);
        }
        if (normals) {
            buf.put(EXT_OCT_NORMALS).putInt(2 * n);
            float[] nv = mesh.normals();
            for (int i = 0; i < n; i++) {
                OctEncoding.encode(nv[i * 3], nv[i * 3 + 1], nv[i * 3 + 2], buf);
            }
        }
        if (waterMask != null) {
            buf.put(EXT_WATER_MASK).putInt(waterMask.length).put(waterMask);
        }
        if (buf.hasRemaining()) throw new IllegalStateException("size mismatch");
        return buf.array();
    }

    private static void putIndex(ByteBuffer buf, int value, boolean wide) {
        if (wide) buf.putInt(value);
        else buf.putShort((short) value);
    }

    static int[] quantizedHeights(TerrainMesh mesh) {
        float[] h = mesh.heights();
        float min = min(h), max = max(h);
        int[] q = new int[h.length];
        double range = max - min;
        for (int i = 0; i < h.length; i++) {
            q[i] = range == 0 ? 0 : (int) Math.round((h[i] - min) / range * QMAX);
        }
        return q;
    }

    private static void zigZagDeltas(ByteBuffer buf, int[] values) {
        int prev = 0;
        for (int value : values) {
            int d = value - prev;
            buf.putShort((short) ((d << 1) ^ (d >> 31)));
            prev = value;
        }
    }

    /** Vertices on one tile edge, sorted along it (Cesium builds skirts from these). */
    private static int[] edge(TerrainMesh mesh, boolean vertical, int value) {
        int[] along = vertical ? mesh.v() : mesh.u();
        int[] across = vertical ? mesh.u() : mesh.v();
        return java.util.stream.IntStream.range(0, mesh.vertexCount()).filter(i -> across[i] == value).boxed()
                .sorted((a, b) -> Integer.compare(along[a], along[b])).mapToInt(Integer::intValue).toArray();
    }

    private static void writeHeader(ByteBuffer buf, TerrainMesh mesh) {
        int n = mesh.vertexCount();
        float min = min(mesh.heights()), max = max(mesh.heights());
        double minLon = Arrays.stream(mesh.lon()).min().orElse(0), maxLon = Arrays.stream(mesh.lon()).max().orElse(0);
        double minLat = Arrays.stream(mesh.lat()).min().orElse(0), maxLat = Arrays.stream(mesh.lat()).max().orElse(0);
        double cLon = (minLon + maxLon) / 2;
        double cLat = (minLat + maxLat) / 2;
        double[] center = new double[3];
        Ellipsoid.toEcef(cLon, cLat, (min + max) / 2.0, center, 0);
        double[] pts = new double[n * 3];
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            Ellipsoid.toEcef(mesh.lon()[i], mesh.lat()[i], mesh.heights()[i], pts, i * 3);
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], pts[i * 3 + k]);
                hi[k] = Math.max(hi[k], pts[i * 3 + k]);
            }
        }
        double[] sc = {(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2};
        double r2 = 0;
        for (int i = 0; i < n; i++) {
            double dx = pts[i * 3] - sc[0], dy = pts[i * 3 + 1] - sc[1], dz = pts[i * 3 + 2] - sc[2];
            r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
        }
        double[] hop = HorizonOcclusion.point(sc, pts);
        buf.putDouble(center[0]).putDouble(center[1]).putDouble(center[2]);
        buf.putFloat(min).putFloat(max);
        buf.putDouble(sc[0]).putDouble(sc[1]).putDouble(sc[2]).putDouble(Math.sqrt(r2));
        buf.putDouble(hop[0]).putDouble(hop[1]).putDouble(hop[2]);
    }

    private static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float f : a) m = Math.min(m, f);
        return a.length == 0 ? 0 : m;
    }

    private static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float f : a) m = Math.max(m, f);
        return a.length == 0 ? 0 : m;
    }
}
