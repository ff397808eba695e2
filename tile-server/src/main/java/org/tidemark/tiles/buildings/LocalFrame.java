package org.tidemark.tiles.buildings;

/**
 * An east-north-up frame on the ellipsoid at a point (height 0): converts lon/lat/height to local metres
 * and gives the ENU→ECEF matrix used as a 3D Tiles tile {@code transform} (3D Tiles 1.1 §5.4.1,
 * column-major 4×4).
 */
final class LocalFrame {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double E2 = F * (2 - F);

    private final double ox, oy, oz;
    private final double[] e, n, u;

    LocalFrame(double lon, double lat) {
        double[] o = ecef(lon, lat, 0);
        ox = o[0];
        oy = o[1];
        oz = o[2];
        double lam = Math.toRadians(lon), phi = Math.toRadians(lat);
        double sl = Math.sin(lam), cl = Math.cos(lam), sp = Math.sin(phi), cp = Math.cos(phi);
        e = new double[] {-sl, cl, 0};
        n = new double[] {-sp * cl, -sp * sl, cp};
        u = new double[] {cp * cl, cp * sl, sp};
    }

    static double[] ecef(double lon, double lat, double h) {
        double lam = Math.toRadians(lon), phi = Math.toRadians(lat);
        double s = Math.sin(phi), c = Math.cos(phi);
        double nn = A / Math.sqrt(1 - E2 * s * s);
        return new double[] {(nn + h) * c * Math.cos(lam), (nn + h) * c * Math.sin(lam), (nn * (1 - E2) + h) * s};
    }

    /** Local east, north, up metres of a geodetic point. */
    double[] enu(double lon, double lat, double h) {
        double[] p = ecef(lon, lat, h);
        double dx = p[0] - ox, dy = p[1] - oy, dz = p[2] - oz;
        return new double[] {dx * e[0] + dy * e[1] + dz * e[2], dx * n[0] + dy * n[1] + dz * n[2],
                dx * u[0] + dy * u[1] + dz * u[2]};
    }

    /** The ENU→ECEF transform, column-major. */
    double[] transform() {
        return new double[] {e[0], e[1], e[2], 0, n[0], n[1], n[2], 0, u[0], u[1], u[2], 0, ox, oy, oz, 1};
    }
}
