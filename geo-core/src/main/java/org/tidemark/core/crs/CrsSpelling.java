package org.tidemark.core.crs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;
import org.tidemark.core.error.GeoServiceException;

/**
 * Turns the ways clients spell a CRS into a {@link CrsReference}. The spelling decides the wire axis order:
 * <ul>
 *   <li>{@code EPSG:n} and {@code http://www.opengis.net/gml/srs/epsg.xml#n}: east/north (WMS 1.1.1, WFS 1.0
 *       and GML 2 convention; WMS 1.3 edges apply {@link Crs#authorityOrder()} themselves);</li>
 *   <li>{@code urn:ogc:def:crs:EPSG:[version]:n}, {@code urn:x-ogc:def:crs:EPSG:[version]:n} and
 *       {@code http://www.opengis.net/def/crs/EPSG/[version]/n}: the EPSG order (OGC 07-092r3 URNs,
 *       OGC 09-048r5 http URIs, WFS 2.0 §7.9.2.4.4);</li>
 *   <li>{@code CRS:84}, {@code OGC:CRS84}, {@code CRS84}, the CRS84 URN and URIs: longitude/latitude
 *       (OGC 06-042 Annex B.3, OGC API Features Part 2);</li>
 *   <li>a WKT 1 or WKT 2 (ISO 19162) definition: the order its axes declare.</li>
 * </ul>
 * Aliases {@code EPSG:900913}, {@code EPSG:102100} and {@code EPSG:102113} (older Web Mercator codes
 * still used by tiling clients) resolve to EPSG:3857.
 */
final class CrsSpelling {
    private static final Pattern SHORT = Pattern.compile("epsg:(\\d{1,9})");
    private static final Pattern GML_SRS = Pattern.compile("https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d{1,9})");
    private static final Pattern URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:epsg:(?:[0-9.]*:)?(\\d{1,9})");
    private static final Pattern URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/(\\d{1,9})");
    private static final Pattern CRS84_URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:ogc:(?:[0-9.]*:)?crs84");
    private static final Pattern CRS84_URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/ogc/[0-9.]+/crs84");
    private static final Set<String> CRS84_CODES = Set.of("crs:84", "ogc:crs84", "crs84", "[ogc:crs84]");
    private static final Pattern WKT_START = Pattern.compile(
            "(?s)\\s*(GEOGCS|PROJCS|GEOCCS|COMPD_CS|GEOGCRS|PROJCRS|GEODCRS|GEODETICCRS|GEOGRAPHICCRS|PROJECTEDCRS"
                    + "|COMPOUNDCRS|BOUNDCRS)\\s*[\\[(].*");

    private CrsSpelling() {}

    static CrsReference decode(String spelling, String locator) {
        if (spelling == null || spelling.isBlank()) {
            throw GeoServiceException.invalid(locator, "Empty CRS");
        }
        String text = spelling.strip();
        if (text.length() > Crs.MAX_WKT_LENGTH) {
            throw GeoServiceException.invalid(locator, "CRS definition longer than " + Crs.MAX_WKT_LENGTH + " characters");
        }
        if (WKT_START.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
            return fromWkt(text, spelling, locator);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (CRS84_CODES.contains(lower) || CRS84_URN.matcher(lower).matches() || CRS84_URI.matcher(lower).matches()) {
            return new CrsReference(Crs.crs84(), AxisOrder.EAST_NORTH, spelling);
        }
        Matcher m;
        if ((m = SHORT.matcher(lower)).matches() || (m = GML_SRS.matcher(lower)).matches()) {
            return new CrsReference(byCode(m.group(1), spelling, locator), AxisOrder.EAST_NORTH, spelling);
        }
        if ((m = URN.matcher(lower)).matches() || (m = URI.matcher(lower)).matches()) {
            Crs crs = byCode(m.group(1), spelling, locator);
            return new CrsReference(crs, crs.authorityOrder(), spelling);
        }
        throw GeoServiceException.invalid(locator, "Unknown CRS '" + abbreviate(text) + "'");
    }

    private static Crs byCode(String digits, String spelling, String locator) {
        int code = Integer.parseInt(digits);
        if (code == 900913 || code == 102100 || code == 102113) code = 3857;
        try {
            return Crs.epsg(code);
        } catch (GeoServiceException e) {
            throw GeoServiceException.invalid(locator, "Unknown CRS '" + abbreviate(spelling.strip()) + "'");
        }
    }

    private static CrsReference fromWkt(String text, String spelling, String locator) {
        try {
            CoordinateReferenceSystem parsed = CRS.fromWKT(text);
            Crs crs = Crs.fromDefinition(parsed);
            return new CrsReference(crs, crs.authorityOrder(), spelling);
        } catch (FactoryException | RuntimeException e) {
            throw GeoServiceException.invalid(locator, "Invalid WKT CRS definition: " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
