package org.tidemark.data.importer;

import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.crs.Reprojector;

/**
 * The CRS of an imported file and the transform to the system's longitude/latitude on CGCS2000.
 * Geographic WGS 84 / CGCS2000 definitions pass through (the two coincide at the centimetre level, see
 * notes/crs-china.md); anything else is decoded by geo-core ({@link Crs#decode}) and transformed with
 * {@link Reprojector}. Without a definition the coordinates must already look like longitude/latitude.
 */
final class PrjCrs {
    private static final Envelope LON_LAT = new Envelope(-180, 180, -90, 90);
    private final Crs source;

    private PrjCrs(Crs source) {
        this.source = source;
    }

    /** @param wkt the .prj text (ESRI WKT 1), or null when the file had none */
    static PrjCrs of(String wkt) {
        if (wkt == null || wkt.isBlank() || isLonLat(wkt)) return new PrjCrs(null);
        try {
            CrsReference ref = Crs.decode(wkt.trim(), "prj");
            return new PrjCrs(ref.crs());
        } catch (UnsupportedOperationException e) {
            throw new ImportException("projected CRS in .prj cannot be handled yet (CRS support unavailable)");
        } catch (RuntimeException e) {
            throw new ImportException("the .prj CRS is not recognised: " + e.getMessage());
        }
    }

    /** Geographic, not projected, on WGS 84 or CGCS2000: no transformation needed. */
    static boolean isLonLat(String wkt) {
        String w = wkt.trim().toUpperCase(Locale.ROOT);
        if (!(w.startsWith("GEOGCS") || w.startsWith("GEOGCRS") || w.startsWith("GEODCRS"))) return false;
        return w.contains("WGS_1984") || w.contains("WGS 84") || w.contains("WGS84") || w.contains("CGCS2000")
                || w.contains("CGCS_2000") || w.contains("CHINA_2000") || w.contains("CHINA 2000");
    }

    Geometry toLonLat(Geometry g) {
        if (source == null) {
            if (!LON_LAT.covers(g.getEnvelopeInternal())) {
                throw new IllegalArgumentException("coordinates " + g.getEnvelopeInternal()
                        + " are not longitude/latitude and the file declares no CRS (.prj)");
            }
            return g;
        }
        Geometry out = Reprojector.transform(g, source, Crs.epsg(4490));
        out.setSRID(4490);
        return out;
    }
}
