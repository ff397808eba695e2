package org.tidemark.core.crs;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.metadata.iso.extent.DefaultGeographicBoundingBox;
import org.apache.sis.referencing.CRS;
import org.locationtech.jts.geom.Envelope;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.datum.DatumOrEnsemble;
import org.apache.sis.referencing.cs.AxesConvention;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.crs.SingleCRS;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.tidemark.core.error.GeoServiceException;

/**
 * Finds and caches the math transform between two {@link Crs}s (east/north axes on both sides).
 *
 * <p>CGCS2000 ↔ WGS 84: EPSG has no transformation between the two datums, so SIS would fall back to an
 * "unspecified datum change" with 3000 m nominal accuracy. Both realise the ITRF to within a few
 * centimetres, so Tidemark declares the change a null transformation: the operation is composed of
 * source → its normalized geographic CRS (lon/lat degrees, same datum), the identity, and the target's
 * normalized geographic CRS → target. The same applies between any two members of the
 * {@linkplain #equivalentDatumFamily family} (CGCS2000, WGS 84 and its realisations/ensemble).
 * Other datum pairs go through {@code CRS.findOperation} with the area where both CRSs are valid as the area of
 * interest, so SIS picks the transformation meant for that region.
 */
final class OperationCache {
    private record Key(Crs from, Crs to) {}

    private static final Map<Key, MathTransform> CACHE = new ConcurrentHashMap<>();

    private OperationCache() {}

    static MathTransform transform(Crs from, Crs to) {
        if (!isRegistered(from) || !isRegistered(to)) {
            return find(from, to); // client-supplied WKT: not cached, so clients cannot grow the cache without bound
        }
        Key key = new Key(from, to);
        MathTransform mt = CACHE.get(key);
        if (mt == null) {
            mt = find(from, to);
            CACHE.putIfAbsent(key, mt);
        }
        return mt;
    }

    /** CRS84 and the shared instances of {@link Crs#epsg(int)}: a set bounded by the EPSG dataset. */
    private static boolean isRegistered(Crs crs) {
        return crs.isCrs84() || crs.isShared();
    }

    private static MathTransform find(Crs from, Crs to) {
        if (from.equals(to)) return MathTransforms.identity(2);
        try {
            if (isNullDatumChange(from, to)) {
                CoordinateReferenceSystem fromGeo = normalizedBase(from.sis());
                CoordinateReferenceSystem toGeo = normalizedBase(to.sis());
                MathTransform toGeographic = CRS.findOperation(from.sis(), fromGeo, null).getMathTransform();
                MathTransform fromGeographic = CRS.findOperation(toGeo, to.sis(), null).getMathTransform();
                return MathTransforms.concatenate(toGeographic, fromGeographic);
            }
            return CRS.findOperation(from.sis(), to.sis(), areaOfInterest(from, to)).getMathTransform();
        } catch (FactoryException | RuntimeException e) {
            throw new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "InvalidParameterValue", "crs",
                    "No coordinate operation from " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Where both CRSs are valid (SIS picks the transformation meant for that area), or null when disjoint. */
    private static DefaultGeographicBoundingBox areaOfInterest(Crs from, Crs to) {
        Envelope both = from.domainOfValidity().intersection(to.domainOfValidity());
        if (both.isNull()) return null;
        return new DefaultGeographicBoundingBox(both.getMinX(), both.getMaxX(), both.getMinY(), both.getMaxY());
    }

    /** The base geographic CRS in normalized (lon/lat degrees, Greenwich) form. */
    private static CoordinateReferenceSystem normalizedBase(CoordinateReferenceSystem crs) {
        CoordinateReferenceSystem base = crs instanceof ProjectedCRS p ? p.getBaseCRS() : crs;
        if (!(base instanceof GeographicCRS)) {
            throw new IllegalArgumentException("not a geographic or projected CRS: " + crs.getName());
        }
        return AbstractCRS.castOrCopy(base).forConvention(AxesConvention.NORMALIZED);
    }

    /** Whether the datums differ but both belong to the CGCS2000/WGS 84 family. */
    static boolean isNullDatumChange(Crs from, Crs to) {
        if (!isGeographicOrProjected(from.sis()) || !isGeographicOrProjected(to.sis())) return false;
        return equivalentDatumFamily(datumOrEnsemble(from.sis())) && equivalentDatumFamily(datumOrEnsemble(to.sis()));
    }

    private static boolean isGeographicOrProjected(CoordinateReferenceSystem crs) {
        return crs instanceof GeographicCRS || crs instanceof ProjectedCRS;
    }

    /** The datum, or the datum ensemble (EPSG 4326 and 3857 use the "WGS 84" ensemble). */
    private static IdentifiedObject datumOrEnsemble(CoordinateReferenceSystem crs) {
        SingleCRS geodetic = crs instanceof ProjectedCRS p ? p.getBaseCRS() : (SingleCRS) crs;
        return DatumOrEnsemble.of(geodetic);
    }

    /**
     * CGCS2000 (EPSG datum 1043) and WGS 84 (EPSG datum 6326, ensemble 6326 and its realisations), recognised by
     * name so that WKT definitions of local CGCS2000 projections qualify too.
     */
    static boolean equivalentDatumFamily(IdentifiedObject datum) {
        if (datum == null || datum.getName() == null) return false;
        String name = datum.getName().getCode().toLowerCase(Locale.ROOT).replace('_', ' ');
        return name.contains("china 2000") || name.contains("cgcs2000") || name.contains("cgcs 2000")
                || name.contains("world geodetic system 1984") || name.equals("wgs 84") || name.equals("wgs84")
                || name.equals("wgs 1984") || name.startsWith("d wgs 1984");
    }
}
