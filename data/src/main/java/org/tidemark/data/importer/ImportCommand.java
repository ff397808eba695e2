package org.tidemark.data.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.tidemark.core.source.DataStore;

/**
 * The command-line import: {@code import FILE LAYER [create|replace|append]}. The application supplies
 * the store (it owns the configuration) and calls {@link #run(String[], DataStore, Consumer)}; the exit
 * code is 0 on success, 1 when the file was rejected (the reasons and row numbers are printed), 2 on a
 * usage error.
 */
public final class ImportCommand {
    private ImportCommand() {}

    public static final String USAGE = "usage: import FILE LAYER [create|replace|append]\n"
            + "  FILE  .geojson/.json, .csv (lon/lat or WKT column; UTF-8 or GBK), .zip (shapefile with .prj/.cpg), .gpkg";

    /** Runs the import and returns the process exit code; messages go to {@code out}. */
    public static int run(String[] args, DataStore store, Consumer<String> out) {
        if (args.length < 2 || args.length > 3) {
            out.accept(USAGE);
            return 2;
        }
        ImportMode mode;
        try {
            mode = args.length == 3 ? ImportMode.valueOf(args[2].toUpperCase(Locale.ROOT)) : ImportMode.CREATE;
        } catch (IllegalArgumentException e) {
            out.accept("unknown mode " + args[2] + "\n" + USAGE);
            return 2;
        }
        try {
            ImportResult r = new FeatureImporter(store, out).importFile(Path.of(args[0]), args[1], mode);
            out.accept(String.format("imported %d features into %s (%s, %s, %d repaired) in %d ms", r.imported(),
                    r.type().name(), mode.name().toLowerCase(Locale.ROOT), r.type().geometryKind().simpleFeaturesName(),
                    r.repaired(), r.millis()));
            return 0;
        } catch (ImportException e) {
            out.accept("import failed: " + e.getMessage());
            return 1;
        }
    }
}
