package org.tidemark.tiles.terrain;

/**
 * The WGS 84 / CGCS2000 ellipsoid (identical semi-major axis; flattening differs by 1e-10) and the
 * Earth-centred, Earth-fixed conversions quantized-mesh headers need.
 */
final class Ellipsoid {
    static final double A = 6378137.0;
    static final double F = 1 / 298.257222101;
    static final double B = A * (1 - F);
    static final double E2 = F * (2 - F);

    private Ellipsoid() {}

    /** Geodetic lon/lat (degrees) and ellipsoidal height (m) to ECEF metres, into {@code out[off..off+2]}. */
    static void toEcef(double lon, double lat, double h, double[] out, int off) {
        double lam = Math.toRadians(lon);
        double phi = Math.toRadians(lat);
        double sinPhi = Math.sin(phi);
        double cosPhi = Math.cos(phi);
        double n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
        out[off] = (n + h) * cosPhi * Math.cos(lam);
        out[off + 1] = (n + h) * cosPhi * Math.sin(lam);
        out[off + 2] = (n * (1 - E2) + h) * sinPhi;
    }

    /** Metres per degree of longitude at a latitude. */
    static double metresPerDegreeLon(double lat) {
        double phi = Math.toRadians(lat);
        double s = Math.sin(phi);
        return Math.toRadians(1) * A / Math.sqrt(1 - E2 * s * s) * Math.cos(phi);
    }

    /** Metres per degree of latitude (meridional radius of curvature) at a latitude. */
    static double metresPerDegreeLat(double lat) {
        double s = Math.sin(Math.toRadians(lat));
        double w = 1 - E2 * s * s;
        return Math.toRadians(1) * A * (1 - E2) / (w * Math.sqrt(w));
    }
}
