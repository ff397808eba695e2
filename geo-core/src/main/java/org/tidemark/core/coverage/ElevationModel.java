package org.tidemark.core.coverage;

import org.locationtech.jts.geom.Envelope;

/**
 * A digital elevation model on a regular lon/lat grid (CGCS2000). Heights are metres above the
 * vertical datum; cells without data (the sea) are {@code NaN}. Terrain tiles, the siting check and the
 * inundation analysis all read it through this port.
 */
public interface ElevationModel {
    /** The extent covered by the grid, lon/lat degrees. */
    Envelope extent();

    /** The cell size in degrees (same in both directions). */
    double resolution();

    /** Bilinearly interpolated height at a point, or NaN outside or over nodata. */
    double elevation(double lon, double lat);

    /**
     * Samples a {@code width × height} grid whose corner samples lie exactly on the envelope's corners
     * (row 0 is the north edge). Used by terrain tiling, so neighbouring tiles share edge heights.
     */
    default float[] sample(Envelope env, int width, int height) {
        float[] out = new float[width * height];
        double dx = width > 1 ? env.getWidth() / (width - 1) : 0;
        double dy = height > 1 ? env.getHeight() / (height - 1) : 0;
        for (int r = 0; r < height; r++) {
            double lat = env.getMaxY() - r * dy;
            for (int c = 0; c < width; c++) {
                out[r * width + c] = (float) elevation(env.getMinX() + c * dx, lat);
            }
        }
        return out;
    }
}
