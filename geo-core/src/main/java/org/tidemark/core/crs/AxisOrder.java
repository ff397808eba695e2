package org.tidemark.core.crs;

/** The order of the two horizontal axes in a coordinate tuple on the wire. */
public enum AxisOrder {
    /** x = longitude/easting first (GeoJSON, CRS84, {@code EPSG:xxxx} short codes in WFS/WMS 1.1). */
    EAST_NORTH,
    /** y = latitude/northing first, as the EPSG database defines 4326, 4490 and the CGCS2000 GK zones. */
    NORTH_EAST
}
