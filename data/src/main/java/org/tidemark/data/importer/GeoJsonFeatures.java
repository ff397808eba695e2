package org.tidemark.data.importer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.tidemark.core.feature.Feature;

/** Reads small GeoJSON FeatureCollections (bundled resources) with the importer's streaming reader. */
public final class GeoJsonFeatures {
    private GeoJsonFeatures() {}

    /**
     * Reads all features; ids come from the file or are {@code idPrefix + row}.
     *
     * @throws ImportException on the first malformed feature
     */
    public static List<Feature> readAll(InputStream in, String idPrefix) {
        List<Feature> out = new ArrayList<>();
        try (GeoJsonReader reader = new GeoJsonReader(in)) {
            while (reader.hasNext()) {
                SourceRecord r = reader.next();
                if (r.problem() != null) throw new ImportException("row " + r.row() + ": " + r.problem());
                out.add(new Feature(r.id() != null ? r.id() : idPrefix + r.row(), r.geometry(), r.properties()));
            }
        }
        return out;
    }
}
