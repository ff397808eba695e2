package org.tidemark.core.tile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * A tile matrix set (OGC 17-083r4 "Two Dimensional Tile Matrix Set", WMTS 1.0.0 §6.2). Three sets are
 * published: {@link #WEB_MERCATOR_QUAD} and {@link #WORLD_CRS84_QUAD} (OGC 17-083r4 Annex D.1, D.2) and
 * {@link #CGCS2000_QUAD}, the geographic CGCS2000 set as Tianditu uses it (EPSG:4490, matrices named from
 * "1", level 1 = 2×1 tiles, top-left corner 90,-180 in the CRS's latitude-first order). Scale
 * denominators follow the OGC 0.28 mm pixel for all three (Tianditu's own documents assume 96 dpi).
 *
 * @param id                the identifier used in URLs and capabilities
 * @param title             a human title
 * @param crs               the CRS URI, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/3857}
 * @param supportedCrs      the CRS as WMTS 1.0 capabilities spell it (e.g. {@code urn:ogc:def:crs:EPSG::4490})
 * @param northingFirst     whether the CRS's first axis is latitude/northing (affects published corners)
 * @param geographic        whether CRS units are degrees (lon/lat) rather than metres
 * @param wellKnownScaleSet the WMTS well-known scale set URN, or null
 * @param bounds            the set's extent in CRS units, easting first
 * @param firstLevel        the number of the first matrix (its identifier); 0 for OGC sets, 1 for Tianditu
 * @param matrices          the matrices, coarsest first
 */
public record TileMatrixSet(String id, String title, String crs, String supportedCrs, boolean northingFirst,
                            boolean geographic, String wellKnownScaleSet, Envelope bounds, int firstLevel,
                            List<TileMatrix> matrices) {

    /** Metres per degree on the equator of the WGS 84 / CGCS2000 ellipsoid (OGC 17-083r4 §6.1.1 note). */
    public static final double METRES_PER_DEGREE = 2 * Math.PI * 6378137.0 / 360.0;
    /** The standardised rendering pixel size (WMTS 1.0.0 §6.1.1): 0.28 mm. */
    public static final double PIXEL_SIZE = 0.00028;

    public static final TileMatrixSet WEB_MERCATOR_QUAD = webMercator();
    public static final TileMatrixSet WORLD_CRS84_QUAD = geographic("WorldCRS84Quad", "CRS84 for the World",
            "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84", false,
            "http://www.opengis.net/def/wkss/OGC/1.0/GoogleCRS84Quad", 0, 18);
    public static final TileMatrixSet CGCS2000_QUAD = geographic("CGCS2000Quad",
            "CGCS2000 geographic (Tianditu 'c' compatible)", "http://www.opengis.net/def/crs/EPSG/0/4490",
            "urn:ogc:def:crs:EPSG::4490", true, null, 1, 18);

    public static final List<TileMatrixSet> ALL = List.of(WEB_MERCATOR_QUAD, WORLD_CRS84_QUAD, CGCS2000_QUAD);

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
    }

    public static Optional<TileMatrixSet> byId(String id) {
        return ALL.stream().filter(s -> s.id.equalsIgnoreCase(id)).findFirst();
    }

    /** The matrix whose identifier is the number {@code level}, if the set has it. */
    public Optional<TileMatrix> matrix(int level) {
        int i = level - firstLevel;
        return i < 0 || i >= matrices.size() ? Optional.empty() : Optional.of(matrices.get(i));
    }

    public int lastLevel() { return firstLevel + matrices.size() - 1; }

    private static TileMatrixSet webMercator() {
        double half = Math.PI * 6378137.0;
        List<TileMatrix> ms = new ArrayList<>();
        for (int z = 0; z <= 22; z++) {
            double cell = 2 * half / 256 / (1L << z);
            ms.add(new TileMatrix(Integer.toString(z), cell / PIXEL_SIZE, cell, -half, half, 256, 256,
                    1L << z, 1L << z));
        }
        return new TileMatrixSet("WebMercatorQuad", "Google Maps Compatible for the World",
                "http://www.opengis.net/def/crs/EPSG/0/3857", "urn:ogc:def:crs:EPSG::3857", false, false,
                "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible", new Envelope(-half, half, -half, half),
                0, ms);
    }

    private static TileMatrixSet geographic(String id, String title, String crs, String supportedCrs,
                                            boolean northingFirst, String wkss, int firstLevel, int count) {
        List<TileMatrix> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double cell = 180.0 / 256 / (1L << i);
            ms.add(new TileMatrix(Integer.toString(firstLevel + i), cell * METRES_PER_DEGREE / PIXEL_SIZE, cell,
                    -180, 90, 256, 256, 2L << i, 1L << i));
        }
        return new TileMatrixSet(id, title, crs, supportedCrs, northingFirst, true, wkss,
                new Envelope(-180, 180, -90, 90), firstLevel, ms);
    }
}
