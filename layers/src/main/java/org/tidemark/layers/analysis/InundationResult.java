package org.tidemark.layers.analysis;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The outcome of an inundation run.
 *
 * @param source          gauge code or "point"
 * @param level           water level used, metres
 * @param floodedAreaM2   flooded land area
 * @param volumeM3        water volume above ground over the flooded cells
 * @param maxDepthM       greatest depth
 * @param flooded         simplified polygons (lon/lat)
 * @param buildings       affected buildings (id, name, depth at centroid)
 * @param buildingCount   number of affected buildings
 * @param roads           affected roads (name, flooded length in m)
 * @param cameras         cameras whose view cone sees flooded ground
 * @param cells           flooded DEM cells
 * @param millis          computation time
 */
public record InundationResult(String source, double level, double floodedAreaM2, double volumeM3, double maxDepthM,
                               Geometry flooded, List<Item> buildings, int buildingCount, List<Item> roads,
                               List<Item> cameras, long cells, long millis) {
    /** An affected object: layer, id, name and a measure (depth in m or length in m). */
    public record Item(String layer, String id, String name, double measure) {}
}
