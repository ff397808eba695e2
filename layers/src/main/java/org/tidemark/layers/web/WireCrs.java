package org.tidemark.layers.web;

import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.crs.AxisOrder;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.crs.Reprojector;

/**
 * A CRS as it appears on the wire of one request: the spelling, whether coordinates are written
 * latitude/northing first (the spelling decides, see shared/notes/crs-china.md), and how to get between
 * it and the internal lon/lat CGCS2000 coordinates. EPSG:4490, EPSG:4326 and CRS84 are the same numbers
 * inside the system (explicit null datum change), so they need at most an axis swap.
 *
 * @param spelling the CRS text to echo back (e.g. {@code srsName})
 * @param epsg     the EPSG code, 0 for CRS84 or WKT
 * @param swap     whether the wire order is north/east
 * @param crs      the CRS to reproject to and from, or null when no reprojection is needed
 */
public record WireCrs(String spelling, int epsg, boolean swap, Crs crs) {

    /** {@code urn:ogc:def:crs:EPSG::4490}, latitude first: the WFS default. */
    public static final WireCrs URN_4490 = new WireCrs("urn:ogc:def:crs:EPSG::4490", 4490, true, null);
    /** OGC CRS84 longitude/latitude: the GeoJSON and OGC API default. */
    public static final WireCrs CRS84 = new WireCrs("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 0, false, null);

    /** Decodes a client's spelling via {@link Crs#decode}; unknown CRSs raise InvalidParameterValue. */
    public static WireCrs decode(String spelling, String locator) {
        if (isCrs84(spelling)) return new WireCrs(spelling, 0, false, null);
        CrsReference ref = Crs.decode(spelling, locator);
        int code = ref.crs().epsgCode();
        boolean identity = code == 4490 || code == 4326;
        return new WireCrs(spelling, code, ref.order() == AxisOrder.NORTH_EAST, identity ? null : ref.crs());
    }

    /** The URI form of the CRS (OGC API {@code Content-Crs}). */
    public String uri() {
        if (epsg == 0 && crs == null) return CRS84.spelling;
        return "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    static boolean isCrs84(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        return t.equals("CRS:84") || t.equals("OGC:CRS84") || t.equals("URN:OGC:DEF:CRS:OGC:1.3:CRS84")
                || t.equals("URN:OGC:DEF:CRS:OGC::CRS84") || t.equals("HTTP://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84")
                || t.equals("HTTPS://WWW.OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84") || t.equals("[OGC:CRS84]");
    }

    /** Internal lon/lat geometry → wire CRS, still east/north (writers apply {@link #swap}). */
    public Geometry fromInternal(Geometry g) {
        if (g == null || crs == null) return g;
        return Reprojector.transform(g, Crs.epsg(4490), crs);
    }

    /** A geometry read from the wire (in wire axis order) → internal lon/lat. */
    public Geometry toInternal(Geometry g) {
        if (g == null) return null;
        Geometry en = swap ? Reprojector.swapAxes(g) : g;
        return crs == null ? en : Reprojector.transform(en, crs, Crs.epsg(4490));
    }

    /** An envelope given on the wire as (minA, minB, maxA, maxB) in wire axis order → internal lon/lat. */
    public Envelope toInternal(double a1, double b1, double a2, double b2) {
        Envelope en = swap ? new Envelope(b1, b2, a1, a2) : new Envelope(a1, a2, b1, b2);
        return crs == null ? en : Reprojector.transform(en, crs, Crs.epsg(4490));
    }

    /** Internal lon/lat envelope → wire CRS envelope (east/north). */
    public Envelope fromInternal(Envelope e) {
        if (e == null || crs == null) return e;
        return Reprojector.transform(e, Crs.epsg(4490), crs);
    }
}
