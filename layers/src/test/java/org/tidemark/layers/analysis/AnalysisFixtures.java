package org.tidemark.layers.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.GeometryKind;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.memory.MemoryFeatureSource;
import org.tidemark.core.source.memory.MemoryLayerCatalog;

/** Constructed inputs whose answers are known independently. */
final class AnalysisFixtures {
    static final Department WATER = new Department("water", LocalizedText.of("水利局", "Water Resources Bureau"));

    private AnalysisFixtures() {}

    /**
     * A 100 × 100 bowl of 0.001° cells at 121.0 E, 29.1 N: ground = distance from the centre in cells
     * (a cone), so level L floods the disc of radius L cells.
     */
    static GridElevationModel bowl() {
        int n = 100;
        float[] z = new float[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                z[r * n + c] = (float) Math.hypot(c + 0.5 - n / 2.0, r + 0.5 - n / 2.0);
            }
        }
        return new GridElevationModel(z, n, n, 121.0, 29.1, 0.001);
    }

    /** A flat plain at height {@code h} with sea (NaN) in the western {@code seaCols} columns. */
    static GridElevationModel coast(int seaCols, float h) {
        int n = 60;
        float[] z = new float[n * n];
        Arrays.fill(z, h);
        for (int r = 0; r < n; r++) for (int c = 0; c < seaCols; c++) z[r * n + c] = Float.NaN;
        return new GridElevationModel(z, n, n, 121.0, 29.06, 0.001);
    }

    static FeatureType type(String name, GeometryKind kind, Attribute... attributes) {
        return new FeatureType(name, LocalizedText.of(name, name), null, List.of(attributes), "geom", kind, 4490, null);
    }

    static Layer layer(FeatureType type, boolean isPublic) {
        return new Layer(type, WATER, List.of(), "static", isPublic, false, null);
    }

    static Feature feature(String id, String wkt, Map<String, Object> props) {
        return new Feature(id, geometry(wkt), props);
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static MemoryLayerCatalog catalog() { return new MemoryLayerCatalog(); }

    static void add(MemoryLayerCatalog catalog, FeatureType type, boolean isPublic, Feature... features) {
        catalog.add(layer(type, isPublic), MemoryFeatureSource.of(type, features));
    }

    static final FeatureType STATIONS = type("hydro_stations", GeometryKind.POINT,
            Attribute.of("STCD", AttributeType.STRING, "测站编码", "Station code"),
            Attribute.of("STTP", AttributeType.STRING, "站类", "Station type"),
            Attribute.of("Z", AttributeType.DOUBLE, "水位", "Water level"));

    static final FeatureType SEAWALLS = type("seawalls", GeometryKind.LINESTRING,
            Attribute.of("name", AttributeType.STRING, "名称", "Name"),
            Attribute.of("crest_elevation", AttributeType.DOUBLE, "堤顶高程", "Crest elevation"));

    static final FeatureType BUILDINGS = type("buildings", GeometryKind.POLYGON,
            Attribute.of("name", AttributeType.STRING, "名称", "Name"));
}
