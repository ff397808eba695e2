package org.tidemark.layers.analysis;

import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.coverage.ElevationModel;

/**
 * A regular lon/lat grid of ground heights (row 0 = north, cell centres), {@code NaN} for the sea.
 * The analysis works on this copy so that barriers (seawall crests) can be burnt in without touching
 * the shared DEM.
 *
 * @param heights row-major heights
 * @param west    west edge longitude
 * @param north   north edge latitude
 * @param cell    cell size in degrees
 */
record HeightGrid(float[] heights, int width, int height, double west, double north, double cell) {

    /** Samples the DEM at its own resolution over {@code area} (clipped to the DEM). */
    static HeightGrid of(ElevationModel dem, Envelope area) {
        Envelope e = area.intersection(dem.extent());
        double res = dem.resolution();
        Envelope full = dem.extent();
        // 1e-9 cells of slack: extents computed as n·res must not gain a phantom row or column
        int c0 = (int) Math.floor((e.getMinX() - full.getMinX()) / res + 1e-9);
        int c1 = (int) Math.ceil((e.getMaxX() - full.getMinX()) / res - 1e-9);
        int r0 = (int) Math.floor((full.getMaxY() - e.getMaxY()) / res + 1e-9);
        int r1 = (int) Math.ceil((full.getMaxY() - e.getMinY()) / res - 1e-9);
        int w = Math.max(1, c1 - c0);
        int h = Math.max(1, r1 - r0);
        double west = full.getMinX() + c0 * res;
        double north = full.getMaxY() - r0 * res;
        // cell centres: sample() puts corner samples on the envelope, so shrink by half a cell
        Envelope centres = new Envelope(west + res / 2, west + (w - 0.5) * res, north - (h - 0.5) * res, north - res / 2);
        float[] heights;
        if (dem instanceof org.tidemark.core.coverage.GridElevationModel g) {
            heights = new float[w * h];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) heights[r * w + c] = g.cell(c0 + c, r0 + r);
            }
        } else {
            heights = dem.sample(centres, w, h);
        }
        return new HeightGrid(heights, w, h, west, north, res);
    }

    float at(int col, int row) { return heights[row * width + col]; }

    int col(double lon) { return (int) Math.floor((lon - west) / cell); }

    int row(double lat) { return (int) Math.floor((north - lat) / cell); }

    boolean inside(int col, int row) { return col >= 0 && row >= 0 && col < width && row < height; }

    double lonOf(int col) { return west + (col + 0.5) * cell; }

    double latOf(int row) { return north - (row + 0.5) * cell; }

    /** The area of one cell in row {@code row}, in m², on the WGS 84 authalic sphere (R = 6 371 007 m). */
    double cellArea(int row) {
        double r = 6_371_007.2;
        double lat1 = Math.toRadians(north - row * cell);
        double lat2 = Math.toRadians(north - (row + 1) * cell);
        return r * r * Math.toRadians(cell) * Math.abs(Math.sin(lat1) - Math.sin(lat2));
    }

    Envelope envelope() { return new Envelope(west, west + width * cell, north - height * cell, north); }
}
