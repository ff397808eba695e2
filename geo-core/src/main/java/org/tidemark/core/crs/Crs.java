package org.tidemark.core.crs;

import org.locationtech.jts.geom.Envelope;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * A coordinate reference system backed by Apache SIS and the EPSG dataset.
 *
 * <p>Inside Tidemark coordinates are always longitude/easting first; {@link #authorityOrder()} tells
 * what the EPSG database defines (latitude first for 4326 and 4490, northing first for the CGCS2000
 * Gauss-Krüger zones 4528/4529/4549/4550), which protocol edges apply when a client uses a URN/URI
 * spelling or WMS 1.3 / WFS 2.0 semantics.
 */
public final class Crs {
    // Implementation: see issue #2 (geo-core helper).
    private final int epsg;
    private final CoordinateReferenceSystem sis;
    private final AxisOrder authorityOrder;

    Crs(int epsg, CoordinateReferenceSystem sis, AxisOrder authorityOrder) {
        this.epsg = epsg;
        this.sis = sis;
        this.authorityOrder = authorityOrder;
    }

    /** The CRS for an EPSG code (cached). */
    public static Crs epsg(int code) { throw new UnsupportedOperationException("todo"); }

    /** CRS84: WGS 84 longitude/latitude. */
    public static Crs crs84() { throw new UnsupportedOperationException("todo"); }

    /**
     * Parses any spelling clients use: {@code EPSG:4490}, {@code urn:ogc:def:crs:EPSG::4490},
     * {@code urn:x-ogc:def:crs:EPSG:4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4490},
     * {@code http://www.opengis.net/gml/srs/epsg.xml#4490}, {@code CRS:84}, {@code OGC:CRS84}, the CRS84 URIs,
     * or a WKT 1/2 definition. Unknown codes raise {@code GeoServiceException.invalid(locator, ...)}.
     */
    public static CrsReference decode(String spelling, String locator) { throw new UnsupportedOperationException("todo"); }

    /** The EPSG code, or 0 for CRS84 / WKT-defined CRSs. */
    public int epsgCode() { return epsg; }

    public CoordinateReferenceSystem sis() { return sis; }

    /** The axis order the defining authority declares. */
    public AxisOrder authorityOrder() { return authorityOrder; }

    public boolean isGeographic() { throw new UnsupportedOperationException("todo"); }

    /** {@code EPSG:4490} (or {@code CRS:84}). */
    public String shortName() { throw new UnsupportedOperationException("todo"); }

    /** {@code urn:ogc:def:crs:EPSG::4490} (or {@code urn:ogc:def:crs:OGC:1.3:CRS84}). */
    public String urn() { throw new UnsupportedOperationException("todo"); }

    /** {@code http://www.opengis.net/def/crs/EPSG/0/4490} (or the OGC CRS84 URI). */
    public String uri() { throw new UnsupportedOperationException("todo"); }

    /** The CRS's area of use in lon/lat degrees. */
    public Envelope domainOfValidity() { throw new UnsupportedOperationException("todo"); }

    /** Metres per unit of the first axis (1 for projected metres, ~111 319.49 for degrees at the equator). */
    public double metresPerUnit() { throw new UnsupportedOperationException("todo"); }

    @Override
    public boolean equals(Object o) { return o instanceof Crs c && c.epsg == epsg && c.sis.equals(sis); }

    @Override
    public int hashCode() { return Integer.hashCode(epsg) * 31 + sis.hashCode(); }

    @Override
    public String toString() { return epsg > 0 ? "EPSG:" + epsg : "CRS84"; }
}
