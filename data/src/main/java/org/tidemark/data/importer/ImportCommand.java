package org.tidemark.data.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tidemark.core.catalog.Department;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.source.DataStore;
import org.tidemark.data.jdbc.JdbcDataStore;

/**
 * The command-line import. Accepts {@code import --layer NAME [--mode create|replace|append] [--department CODE]
 * FILE} (the form in the operator docs) or positional {@code FILE LAYER [MODE]}. The application supplies the
 * store (it owns the configuration) and calls {@link #run(String[], DataStore, Consumer)}; the exit code is 0 on
 * success, 1 when the file was rejected (the reasons and row numbers are printed), 2 on a usage error. With a
 * JDBC store and {@code --department}, the layer is also published in the store's catalog under that
 * department (an existing department code such as planning or water keeps its names; a new code is named by itself).
 */
public final class ImportCommand {
    private ImportCommand() {}

    public static final String USAGE = "usage: import --layer NAME [--mode create|replace|append] [--department CODE] FILE\n"
            + "   or: import FILE LAYER [create|replace|append]\n"
            + "  FILE  .geojson/.json, .csv (lon/lat or WKT column; UTF-8 or GBK), .zip (shapefile with .prj/.cpg), .gpkg";

    /** Parsed arguments. */
    record Args(Path file, String layer, ImportMode mode, String department) {}

    static Args parse(String[] args) {
        String layer = null;
        String mode = null;
        String department = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : null);
                if (value == null) throw new IllegalArgumentException("missing value for --" + name);
                switch (name) {
                    case "layer" -> layer = value;
                    case "mode" -> mode = value;
                    case "department" -> department = value;
                    default -> throw new IllegalArgumentException("unknown option --" + name);
                }
            } else {
                positional.add(a);
            }
        }
        if (layer == null && positional.size() >= 2) layer = positional.remove(1);
        if (mode == null && positional.size() == 2) mode = positional.remove(1);
        if (positional.size() != 1 || layer == null) throw new IllegalArgumentException("need one FILE and a layer name");
        ImportMode m;
        try {
            m = mode == null ? ImportMode.CREATE : ImportMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode " + mode);
        }
        return new Args(Path.of(positional.get(0)), layer, m, department);
    }

    /** Runs the import and returns the process exit code; messages go to {@code out}. */
    public static int run(String[] args, DataStore store, Consumer<String> out) {
        Args a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            out.accept(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try {
            ImportResult r = new FeatureImporter(store, out).importFile(a.file(), a.layer(), a.mode());
            if (a.department() != null && store instanceof JdbcDataStore jdbc) {
                jdbc.publish(new Layer(r.type(), department(jdbc, a.department()), List.of(), "on demand", false, false, null));
            }
            out.accept(String.format("imported %d features into %s (%s, %s, %d repaired) in %d ms", r.imported(),
                    r.type().name(), a.mode().name().toLowerCase(Locale.ROOT), r.type().geometryKind().simpleFeaturesName(),
                    r.repaired(), r.millis()));
            return 0;
        } catch (ImportException e) {
            out.accept("import failed: " + e.getMessage());
            return 1;
        }
    }

    /** The department as other published layers already name it, else a new one named by its code. */
    private static Department department(JdbcDataStore store, String code) {
        return store.layers().stream().map(Layer::department).filter(d -> d != null && d.code().equals(code))
                .findFirst().orElse(new Department(code, LocalizedText.of(code, code)));
    }
}
