package org.tidemark.tiles.imagery;

import java.awt.image.BufferedImage;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.render.MapView;

/**
 * Shades the land of a rendered tile from the DEM (Lambertian reflectance with the light from the north-west
 * at 45°, the cartographic convention; Horn-style central differences one pixel apart). Sea and no-data
 * pixels are left as they are.
 */
final class Hillshade {
    private static final double AZIMUTH = Math.toRadians(315);
    private static final double ALTITUDE = Math.toRadians(45);
    private static final double STRENGTH = 0.55;

    private Hillshade() {}

    static void apply(BufferedImage img, MapView view, ElevationModel dem) {
        int w = img.getWidth(), h = img.getHeight();
        if (!view.lonLatQueryEnvelope(1).intersects(dem.extent())) return;
        // Elevations on a (w+2)×(h+2) grid of pixel centres, one pixel border for the differences.
        double[] z = new double[(w + 2) * (h + 2)];
        double[] ll0 = view.pixelToLonLat(0, 0), ll1 = view.pixelToLonLat(1, 1);
        double mPerPxX = Math.abs(ll1[0] - ll0[0]) * 111_320 * Math.cos(Math.toRadians(ll0[1]));
        double mPerPxY = Math.abs(ll1[1] - ll0[1]) * 110_574;
        for (int j = -1; j <= h; j++) {
            for (int i = -1; i <= w; i++) {
                double[] ll = view.pixelToLonLat(i, j);
                z[(j + 1) * (w + 2) + (i + 1)] = dem.elevation(ll[0], ll[1]);
            }
        }
        double lx = Math.cos(ALTITUDE) * Math.sin(AZIMUTH), ly = Math.cos(ALTITUDE) * Math.cos(AZIMUTH), lz = Math.sin(ALTITUDE);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int k = (j + 1) * (w + 2) + (i + 1);
                if (Double.isNaN(z[k])) continue;
                double dzdx = (nz(z[k + 1], z[k]) - nz(z[k - 1], z[k])) / (2 * mPerPxX);
                double dzdy = (nz(z[k - (w + 2)], z[k]) - nz(z[k + (w + 2)], z[k])) / (2 * mPerPxY);
                double nx = -dzdx, ny = -dzdy, nzv = 1;
                double len = Math.sqrt(nx * nx + ny * ny + 1);
                double shade = Math.max(0, (nx * lx + ny * ly + nzv * lz) / len);
                // Flat ground (shade = sin 45°) keeps its colour; slopes darken or lighten.
                double f = 1 + STRENGTH * (shade - lz) / lz;
                int rgb = img.getRGB(i, j);
                int a = rgb >>> 24;
                int r = clamp(((rgb >> 16) & 0xff) * f), g = clamp(((rgb >> 8) & 0xff) * f), b = clamp((rgb & 0xff) * f);
                img.setRGB(i, j, (a << 24) | (r << 16) | (g << 8) | b);
            }
        }
    }

    private static double nz(double v, double fallback) { return Double.isNaN(v) ? fallback : v; }

    private static int clamp(double v) { return (int) Math.max(0, Math.min(255, Math.round(v))); }
}
