package org.tidemark.tiles.terrain;

import org.locationtech.jts.geom.Envelope;

/**
 * Which terrain tiles exist: the whole world down to a coarse level (flat where there is no DEM), and
 * below it only the tiles over the DEM and the coastline's extent, down to the deepest level.
 */
record TerrainAvailability(int globalMaxZoom, int maxZoom, Envelope dataExtent) {

    boolean contains(int z, long x, long y) {
        if (z < 0 || z > maxZoom || !GeographicTiling.contains(z, x, y)) return false;
        if (z <= globalMaxZoom) return true;
        long[] r = GeographicTiling.range(z, dataExtent);
        return x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3];
    }

    /** Inclusive {startX, startY, endX, endY} for a level. */
    long[] range(int z) {
        if (z <= globalMaxZoom) return new long[] {0, 0, GeographicTiling.columns(z) - 1, GeographicTiling.rows(z) - 1};
        return GeographicTiling.range(z, dataExtent);
    }
}
