package org.tidemark.tiles.buildings;

import org.locationtech.jts.geom.Geometry;

/**
 * One building prepared for meshing: its footprint (lon/lat), the ground height under it, its height
 * above ground and the published attributes (null when absent or masked by the access gate).
 */
record BuildingRecord(String id, Geometry footprint, double base, double height, String name, Double heightAttr,
                      Integer floors, String use) {}
