package org.tidemark.data.importer;

import java.nio.file.Path;
import java.util.Locale;

/** A file that can be read (twice: once to validate, once to write). */
interface ImportSource {
    RecordReader open();

    /** Chooses the reader by file extension: .geojson/.json, .csv, .zip (shapefile), .gpkg. */
    static ImportSource forFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".geojson") || n.endsWith(".json")) return () -> new GeoJsonReader(file);
        if (n.endsWith(".csv") || n.endsWith(".txt")) return () -> new CsvReader(file, null);
        if (n.endsWith(".zip") || n.endsWith(".shz")) return () -> new ShapefileReader(file);
        if (n.endsWith(".gpkg")) return () -> new GeoPackageReader(file, null);
        throw new ImportException("unsupported file type: " + file.getFileName()
                + " (expected .geojson, .json, .csv, .zip with a shapefile, or .gpkg)");
    }
}
