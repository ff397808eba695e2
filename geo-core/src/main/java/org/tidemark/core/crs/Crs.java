package org.tidemark.core.crs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.measure.Unit;
import org.apache.sis.measure.Units;
import org.apache.sis.metadata.iso.citation.Citations;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.apache.sis.referencing.cs.AxesConvention;
import org.locationtech.jts.geom.Envelope;
import org.opengis.metadata.Identifier;
import org.opengis.metadata.extent.GeographicBoundingBox;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.cs.AxisDirection;
import org.opengis.referencing.datum.Ellipsoid;
import org.opengis.util.FactoryException;
import org.tidemark.core.error.GeoServiceException;

/**
 * A coordinate reference system backed by Apache SIS and the EPSG dataset (embedded, read-only: no
 * {@code SIS_DATA} installation is needed and any number of JVMs may use it at once).
 *
 * <p>Inside Tidemark coordinates are always longitude/easting first: {@link #sis()} is the EPSG definition
 * with its axes put in right-handed east/north order. {@link #authorityOrder()} tells what the EPSG database
 * defines (latitude first for 4326 and 4490, northing first for the CGCS2000 Gauss-Krüger zones
 * 4528/4529/4549/4550), which protocol edges apply when a client uses a URN/URI spelling or WMS 1.3 /
 * WFS 2.0 semantics (OGC 06-042 §6.7.3.3, OGC 09-025r2 §7.9.2.4.4).
 *
 * <p>Instances for EPSG codes are cached and shared; {@link #equals} compares the code and the SIS object.
 */
public final class Crs {
    /** Longest WKT definition accepted from a client (guards against oversized input). */
    static final int MAX_WKT_LENGTH = 32 * 1024;

    private static final Map<Integer, Crs> BY_CODE = new ConcurrentHashMap<>();
    private static final Crs CRS84 = new Crs(0, CommonCRS.WGS84.normalizedGeographic(), AxisOrder.EAST_NORTH);

    private final int epsg;
    private final CoordinateReferenceSystem sis;
    private final AxisOrder authorityOrder;

    Crs(int epsg, CoordinateReferenceSystem sis, AxisOrder authorityOrder) {
        this.epsg = epsg;
        this.sis = sis;
        this.authorityOrder = authorityOrder;
    }

    /**
     * The CRS for an EPSG code (cached).
     *
     * @throws GeoServiceException {@code invalid("crs", ...)} when the EPSG dataset has no such CRS
     */
    public static Crs epsg(int code) {
        Crs known = BY_CODE.get(code);
        if (known != null) return known;
        Crs created = create(code);
        Crs raced = BY_CODE.putIfAbsent(code, created);
        return raced != null ? raced : created;
    }

    /** CRS84: WGS 84 longitude/latitude (OGC 06-042 Annex B.3). */
    public static Crs crs84() { return CRS84; }

    /** EPSG:4490, CGCS2000 geographic — the CRS every geometry inside Tidemark is stored in (lon/lat order). */
    public static Crs cgcs2000() { return epsg(4490); }

    /**
     * Parses any spelling clients use: {@code EPSG:4490}, {@code urn:ogc:def:crs:EPSG::4490},
     * {@code urn:x-ogc:def:crs:EPSG:4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4490},
     * {@code http://www.opengis.net/gml/srs/epsg.xml#4490}, {@code CRS:84}, {@code OGC:CRS84}, the CRS84 URIs,
     * or a WKT 1/2 definition. Unknown codes raise {@code GeoServiceException.invalid(locator, ...)}.
     *
     * <p>The spelling decides the wire axis order: {@code EPSG:n} and {@code ...epsg.xml#n} mean east/north
     * (the WMS 1.1 / WFS 1.0 convention), the URN and {@code /def/crs/} URI forms mean the authority's order,
     * a WKT definition means the order its axes declare.
     */
    public static CrsReference decode(String spelling, String locator) {
        return CrsSpelling.decode(spelling, locator);
    }

    /** Wraps a CRS parsed from WKT (package-private: use {@link #decode}). */
    static Crs fromDefinition(CoordinateReferenceSystem definition) {
        CoordinateReferenceSystem horizontal = horizontalComponent(definition);
        int code = 0;
        Identifier id = IdentifiedObjects.getIdentifier(horizontal, Citations.EPSG);
        if (id != null) {
            try {
                code = Integer.parseInt(id.getCode());
            } catch (NumberFormatException ignored) {
                code = 0;
            }
        }
        return new Crs(code, eastNorth(horizontal), orderOf(horizontal));
    }

    private static Crs create(int code) {
        if (code <= 0) throw GeoServiceException.invalid("crs", "Unknown CRS EPSG:" + code);
        try {
            CoordinateReferenceSystem definition = horizontalComponent(CRS.forCode("EPSG:" + code));
            return new Crs(code, eastNorth(definition), orderOf(definition));
        } catch (FactoryException | RuntimeException e) {
            throw GeoServiceException.invalid("crs", "Unknown CRS EPSG:" + code
                    + " (not in the EPSG dataset or not a 2D CRS)");
        }
    }

    private static CoordinateReferenceSystem horizontalComponent(CoordinateReferenceSystem crs) {
        CoordinateReferenceSystem horizontal = CRS.getHorizontalComponent(crs);
        if (horizontal == null) throw new IllegalArgumentException("no horizontal component in " + crs.getName());
        return horizontal;
    }

    private static CoordinateReferenceSystem eastNorth(CoordinateReferenceSystem crs) {
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
    }

    private static AxisOrder orderOf(CoordinateReferenceSystem crs) {
        AxisDirection first = crs.getCoordinateSystem().getAxis(0).getDirection();
        return first == AxisDirection.NORTH || first == AxisDirection.SOUTH ? AxisOrder.NORTH_EAST : AxisOrder.EAST_NORTH;
    }

    /** Whether this is the shared instance {@link #epsg(int)} returns (not a WKT definition carrying an EPSG id). */
    boolean isShared() {
        return epsg > 0 && BY_CODE.get(epsg) == this;
    }

    /** The EPSG code, or 0 for CRS84 / WKT-defined CRSs without an EPSG identifier. */
    public int epsgCode() { return epsg; }

    /** The SIS CRS, with axes in east/north (longitude/latitude) order. */
    public CoordinateReferenceSystem sis() { return sis; }

    /** The axis order the defining authority declares. */
    public AxisOrder authorityOrder() { return authorityOrder; }

    public boolean isGeographic() { return sis instanceof GeographicCRS; }

    public boolean isProjected() { return sis instanceof ProjectedCRS; }

    /** Whether this is CRS84 itself (not EPSG:4326, which differs in its authority axis order). */
    public boolean isCrs84() { return this == CRS84; }

    /**
     * {@code EPSG:4490} (or {@code CRS:84}); for a WKT-defined CRS without EPSG identifier, its name.
     */
    public String shortName() {
        if (isCrs84()) return "CRS:84";
        return epsg > 0 ? "EPSG:" + epsg : sis.getName().getCode();
    }

    /**
     * {@code urn:ogc:def:crs:EPSG::4490} (or {@code urn:ogc:def:crs:OGC:1.3:CRS84}); null for a WKT-defined CRS
     * without EPSG identifier, which has no URN.
     */
    public String urn() {
        if (isCrs84()) return "urn:ogc:def:crs:OGC:1.3:CRS84";
        return epsg > 0 ? "urn:ogc:def:crs:EPSG::" + epsg : null;
    }

    /**
     * {@code http://www.opengis.net/def/crs/EPSG/0/4490} (or the OGC CRS84 URI); null for a WKT-defined CRS
     * without EPSG identifier.
     */
    public String uri() {
        if (isCrs84()) return "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
        return epsg > 0 ? "http://www.opengis.net/def/crs/EPSG/0/" + epsg : null;
    }

    /** The CRS's area of use in lon/lat degrees (the whole world when the definition has none). */
    public Envelope domainOfValidity() {
        GeographicBoundingBox box = CRS.getGeographicBoundingBox(sis);
        if (box == null) return new Envelope(-180, 180, -90, 90);
        return new Envelope(box.getWestBoundLongitude(), box.getEastBoundLongitude(),
                box.getSouthBoundLatitude(), box.getNorthBoundLatitude());
    }

    /** Metres per unit of the first axis (1 for projected metres, ~111 319.49 for degrees at the equator). */
    public double metresPerUnit() {
        Unit<?> unit = sis.getCoordinateSystem().getAxis(0).getUnit();
        double toStandard = Units.toStandardUnit(unit);
        if (Units.isAngular(unit)) return toStandard * semiMajorAxis();
        return toStandard;
    }

    /** The semi-major axis of the CRS's ellipsoid in metres. */
    double semiMajorAxis() {
        Ellipsoid ellipsoid = DatumOrEnsemble.getEllipsoid(sis)
                .orElseThrow(() -> new IllegalStateException("no ellipsoid in " + this));
        return ellipsoid.getAxisUnit().getConverterTo(Units.METRE).convert(ellipsoid.getSemiMajorAxis());
    }

    @Override
    public boolean equals(Object o) { return o instanceof Crs c && c.epsg == epsg && c.sis.equals(sis); }

    @Override
    public int hashCode() { return Integer.hashCode(epsg) * 31 + sis.hashCode(); }

    @Override
    public String toString() { return isCrs84() ? "CRS84" : epsg > 0 ? "EPSG:" + epsg : "WKT[" + sis.getName().getCode() + "]"; }
}
