package org.tidemark.layers.wms;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.crs.AxisOrder;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.render.MapProjection;

/**
 * A map CRS as a WMS request names it, with the axis order its BBOX uses on the wire. WMS 1.3.0 §6.7.3.3:
 * coordinates follow the axis order the CRS authority defines (latitude first for EPSG:4326 and 4490,
 * northing first for the CGCS2000 Gauss-Krüger zones), taken from the EPSG data; {@code CRS:84} and every
 * WMS 1.1.1 SRS are easting/longitude first.
 *
 * @param code      the advertised identifier ({@code EPSG:4490}, {@code CRS:84})
 * @param epsg      the EPSG code, 0 for CRS:84
 * @param northEast whether BBOX values come as (miny, minx, maxy, maxx)
 */
record MapCrs(String code, int epsg, boolean northEast, MapProjection projection) {
    /** The CRSs offered (WMS 1.3.0 §7.2.4.6.7). */
    static final List<String> SUPPORTED = List.of("EPSG:4490", "EPSG:4326", "CRS:84", "EPSG:3857",
            "EPSG:4549", "EPSG:4550", "EPSG:4528", "EPSG:4529");

    static MapCrs parse(String spelling, WmsVersion version) {
        String s = spelling.trim().toUpperCase(Locale.ROOT);
        if (s.equals("CRS:84") || s.equals("OGC:CRS84")) return new MapCrs("CRS:84", 0, false, MapProjection.geographic());
        if (!s.startsWith("EPSG:")) throw WmsErrors.invalidCrs(version, spelling);
        int code;
        try {
            code = Integer.parseInt(s.substring(5));
        } catch (NumberFormatException e) {
            throw WmsErrors.invalidCrs(version, spelling);
        }
        if (code == 900913) code = 3857;
        if (!SUPPORTED.contains("EPSG:" + code)) throw WmsErrors.invalidCrs(version, spelling);
        boolean ne = version.is13() && Crs.epsg(code).authorityOrder() == AxisOrder.NORTH_EAST;
        return new MapCrs("EPSG:" + code, code, ne, MapProjection.forEpsg(code));
    }

    /** The BBOX parameter's four numbers as an east/north envelope (WMS 1.3.0 §7.3.3.6). */
    Envelope envelope(double a, double b, double c, double d) {
        return northEast ? new Envelope(b, d, a, c) : new Envelope(a, c, b, d);
    }

    /** The lon/lat envelope expressed in this CRS (east/north), or null when it cannot be transformed. */
    Envelope fromLonLat(Envelope lonLat) {
        if (projection.isGeographic() && (epsg == 0 || epsg == 4326 || epsg == 4490)) return new Envelope(lonLat);
        try {
            if (epsg == 3857) {
                var g = projection.forward(new org.locationtech.jts.geom.GeometryFactory().toGeometry(lonLat));
                return g.getEnvelopeInternal();
            }
            return Reprojector.transform(lonLat, Crs.epsg(4490), Crs.epsg(epsg));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The four BBOX numbers in wire order for this CRS. */
    double[] wire(Envelope e) {
        return northEast ? new double[] {e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()}
                : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }
}
