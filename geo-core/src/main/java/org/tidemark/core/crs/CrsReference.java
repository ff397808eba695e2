package org.tidemark.core.crs;

/**
 * A CRS as a client spelled it, with the axis order that spelling implies on the wire.
 * {@code EPSG:4326} (WFS 1.1/WMS 1.1 convention) means lon/lat, while {@code urn:ogc:def:crs:EPSG::4326}
 * and {@code http://www.opengis.net/def/crs/EPSG/0/4326} mean the authority's order (lat/lon).
 *
 * @param crs      the CRS
 * @param order    the axis order coordinates are written in
 * @param spelling the text the client used (echoed back in responses, e.g. {@code srsName})
 */
public record CrsReference(Crs crs, AxisOrder order, String spelling) {
    public boolean swapsAxes() { return order == AxisOrder.NORTH_EAST; }
}
