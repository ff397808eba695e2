package org.tidemark.tiles.terrain;

import java.nio.ByteBuffer;

/**
 * Octahedron encoding of unit vectors into two bytes (Cigolle et al., "A Survey of Efficient
 * Representations for Independent Unit Vectors", JCGT 2014), as the quantized-mesh
 * {@code octvertexnormals} extension stores them: project onto the octahedron, fold the lower half, map
 * [-1, 1] to [0, 255].
 */
final class OctEncoding {
    private OctEncoding() {}

    static void encode(double x, double y, double z, ByteBuffer out) {
        double l1 = Math.abs(x) + Math.abs(y) + Math.abs(z);
        double px = x / l1, py = y / l1;
        if (z < 0) {
            double fx = (1 - Math.abs(py)) * signNotZero(px);
            double fy = (1 - Math.abs(px)) * signNotZero(py);
            px = fx;
            py = fy;
        }
        out.put((byte) toByte(px));
        out.put((byte) toByte(py));
    }

    static int toByte(double v) {
        return (int) Math.round((Math.max(-1, Math.min(1, v)) * 0.5 + 0.5) * 255);
    }

    private static double signNotZero(double v) { return v < 0 ? -1 : 1; }
}
