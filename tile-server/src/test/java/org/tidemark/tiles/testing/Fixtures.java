package org.tidemark.tiles.testing;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;

/** A synthetic county: hills on a 1″ grid west of 121.9°E, sea (no data) east of it. */
public final class Fixtures {
    public static final double WEST = 121.7, NORTH = 29.5, RES = 1.0 / 3600;
    public static final int COLS = 720, ROWS = 720; // 0.2° × 0.2°
    public static final double COAST_LON = 121.85;
    private static final GeometryFactory GF = new GeometryFactory();

    private Fixtures() {}

    public static double hill(double lon, double lat) {
        return 200 * Math.exp(-(sq(lon - 121.76) + sq(lat - 29.42)) / 0.0009)
                + 40 * Math.sin(lon * 150) * Math.cos(lat * 120) + 45;
    }

    private static double sq(double v) { return v * v; }

    private static GridElevationModel dem;

    /** The synthetic DEM (built once; it is immutable). */
    public static synchronized GridElevationModel dem() {
        if (dem == null) dem = buildDem();
        return dem;
    }

    private static GridElevationModel buildDem() {
        float[] h = new float[COLS * ROWS];
        for (int r = 0; r < ROWS; r++) {
            double lat = NORTH - (r + 0.5) * RES;
            for (int c = 0; c < COLS; c++) {
                double lon = WEST + (c + 0.5) * RES;
                h[r * COLS + c] = lon > COAST_LON ? Float.NaN : (float) hill(lon, lat);
            }
        }
        return new GridElevationModel(h, COLS, ROWS, WEST, NORTH, RES);
    }

    public static FeatureType type(String name, GeometryKind kind, Attribute... attrs) {
        return new FeatureType(name, null, null, List.of(attrs), "geom", kind, 4490, null);
    }

    /** The land polygon: everything of the fixture west of the coast line. */
    public static MemorySource land() {
        var poly = GF.createPolygon(new Coordinate[] {new Coordinate(WEST - 0.1, NORTH - 0.3),
                new Coordinate(COAST_LON, NORTH - 0.3), new Coordinate(COAST_LON, NORTH + 0.1),
                new Coordinate(WEST - 0.1, NORTH + 0.1), new Coordinate(WEST - 0.1, NORTH - 0.3)});
        FeatureType t = type("land", GeometryKind.POLYGON, new Attribute("name", AttributeType.STRING, null, true));
        return new MemorySource(t, List.of(new Feature("land.1", poly, Map.of("name", "mainland"))));
    }
}
