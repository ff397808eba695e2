package org.tidemark.data.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.tidemark.core.feature.Feature;
import org.tidemark.data.importer.GeoJsonFeatures;

/**
 * The bundled land polygons: GSHHG 2.3.7 full-resolution shorelines (LGPL-3.0) clipped to the demo box and
 * polygonised by {@code data/demo-src/build-coastline.sh}.
 */
final class LandPolygons {
    static final String RESOURCE = "/demo/xiangshan-land.geojson";

    private LandPolygons() {}

    static List<Feature> load() {
        try (InputStream in = LandPolygons.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return GeoJsonFeatures.readAll(in, "land.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
