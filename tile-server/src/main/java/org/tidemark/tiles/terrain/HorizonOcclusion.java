package org.tidemark.tiles.terrain;

/**
 * The horizon occlusion point of a tile (quantized-mesh-1.0 header; derivation in Cozzi and Ring,
 * "3D Engine Design for Virtual Globes", §8.3 horizon culling, applied to the ellipsoid by working in
 * ellipsoid-scaled space where the ellipsoid is the unit sphere). The point lies on the ray from the
 * Earth's centre through the bounding sphere centre, far enough out that if it is below the horizon,
 * every vertex is.
 */
final class HorizonOcclusion {
    /** Magnitude used when the tile spans more than a hemisphere and no finite point exists. */
    private static final double FALLBACK_MAGNITUDE = 1e4;

    private HorizonOcclusion() {}

    /** @param direction ECEF direction of the ray; @param ecef xyz triples of the vertices */
    static double[] point(double[] direction, double[] ecef) {
        double dx = direction[0] / Ellipsoid.A, dy = direction[1] / Ellipsoid.A, dz = direction[2] / Ellipsoid.B;
        double dl = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (dl == 0) return new double[] {0, 0, 0};
        dx /= dl; dy /= dl; dz /= dl;
        double magnitude = 0;
        for (int i = 0; i < ecef.length; i += 3) {
            double px = ecef[i] / Ellipsoid.A, py = ecef[i + 1] / Ellipsoid.A, pz = ecef[i + 2] / Ellipsoid.B;
            double m2 = px * px + py * py + pz * pz;
            double m = Math.sqrt(m2);
            double ux = px / m, uy = py / m, uz = pz / m;
            m2 = Math.max(1, m2);
            m = Math.max(1, m);
            // Angle alpha between the ray and the vertex; beta is the angle from the vertex to its horizon.
            double cosAlpha = ux * dx + uy * dy + uz * dz;
            double cx = uy * dz - uz * dy, cy = uz * dx - ux * dz, cz = ux * dy - uy * dx;
            double sinAlpha = Math.sqrt(cx * cx + cy * cy + cz * cz);
            double cosBeta = 1 / m;
            double sinBeta = Math.sqrt(m2 - 1) * cosBeta;
            double denominator = cosAlpha * cosBeta - sinAlpha * sinBeta;
            if (denominator <= 0) {
                magnitude = FALLBACK_MAGNITUDE;
                break;
            }
            magnitude = Math.max(magnitude, 1 / denominator);
        }
        return new double[] {dx * magnitude, dy * magnitude, dz * magnitude};
    }
}
