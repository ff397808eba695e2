package org.tidemark.core.coverage;

import org.locationtech.jts.geom.Envelope;

/**
 * An {@link ElevationModel} over a float grid held in memory (row 0 = north, cell-centre samples).
 * The county DEM at 1″ is ~2,500 × 3,300 cells (~33 MB), which fits comfortably.
 */
public final class GridElevationModel implements ElevationModel {
    private final float[] heights;
    private final int width;
    private final int height;
    private final double west;
    private final double north;
    private final double resolution;

    /**
     * @param heights    row-major heights, NaN for nodata
     * @param west       longitude of the grid's west edge
     * @param north      latitude of the grid's north edge
     * @param resolution cell size in degrees
     */
    public GridElevationModel(float[] heights, int width, int height, double west, double north, double resolution) {
        if (heights.length != width * height) throw new IllegalArgumentException("grid size mismatch");
        this.heights = heights;
        this.width = width;
        this.height = height;
        this.west = west;
        this.north = north;
        this.resolution = resolution;
    }

    public int width() { return width; }

    public int height() { return height; }

    /** The raw cell value (no interpolation), NaN outside. */
    public float cell(int col, int row) {
        if (col < 0 || row < 0 || col >= width || row >= height) return Float.NaN;
        return heights[row * width + col];
    }

    @Override
    public Envelope extent() {
        return new Envelope(west, west + width * resolution, north - height * resolution, north);
    }

    @Override
    public double resolution() { return resolution; }

    @Override
    public double elevation(double lon, double lat) {
        double fx = (lon - west) / resolution - 0.5;
        double fy = (north - lat) / resolution - 0.5;
        if (fx < -0.5 || fy < -0.5 || fx > width - 0.5 || fy > height - 0.5) return Double.NaN;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double tx = fx - x0;
        double ty = fy - y0;
        double sum = 0;
        double weight = 0;
        for (int j = 0; j <= 1; j++) {
            for (int i = 0; i <= 1; i++) {
                float v = cell(Math.min(Math.max(x0 + i, 0), width - 1), Math.min(Math.max(y0 + j, 0), height - 1));
                double w = (i == 0 ? 1 - tx : tx) * (j == 0 ? 1 - ty : ty);
                if (!Float.isNaN(v) && w > 0) {
                    sum += v * w;
                    weight += w;
                }
            }
        }
        // Over nodata (sea) the nearest cell decides: a point whose nearest cell is sea has no height.
        float nearest = cell((int) Math.round(fx), (int) Math.round(fy));
        if (Float.isNaN(nearest) || weight == 0) return Double.NaN;
        return sum / weight;
    }
}
