package org.tidemark.data.demo;

/**
 * A north-up lon/lat grid (row 0 = north, cell-centre samples), used both for the 1″ DEM and for the coarser
 * working grids of the generators.
 */
record Grid(double west, double north, double resolution, int width, int height) {
    /** The demo box: lon 121.55–122.25 E, lat 28.85–29.75 N (Xiangshan County and its waters). */
    static final double WEST = 121.55;
    static final double EAST = 122.25;
    static final double SOUTH = 28.85;
    static final double NORTH = 29.75;
    /** One arc-second. */
    static final double ARC_SECOND = 1.0 / 3600;

    static Grid dem() {
        return new Grid(WEST, NORTH, ARC_SECOND, (int) Math.round((EAST - WEST) * 3600), (int) Math.round((NORTH - SOUTH) * 3600));
    }

    /** A grid covering the same extent with cells {@code factor} times larger. */
    Grid coarser(int factor) {
        return new Grid(west, north, resolution * factor, width / factor, height / factor);
    }

    double lon(int col) { return west + (col + 0.5) * resolution; }

    double lat(int row) { return north - (row + 0.5) * resolution; }

    int col(double lon) { return (int) Math.floor((lon - west) / resolution); }

    int row(double lat) { return (int) Math.floor((north - lat) / resolution); }

    boolean contains(int col, int row) { return col >= 0 && row >= 0 && col < width && row < height; }

    int index(int col, int row) { return row * width + col; }

    int size() { return width * height; }

    /** East-west metres per degree of longitude at the box's middle latitude. */
    static double metresPerDegLon() { return 111_320 * StrictMath.cos(StrictMath.toRadians((NORTH + SOUTH) / 2)); }

    static final double METRES_PER_DEG_LAT = 110_900;
}
