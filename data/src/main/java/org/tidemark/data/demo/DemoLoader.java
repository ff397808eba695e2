package org.tidemark.data.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.coverage.GridElevationModel;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.DataStore;
import org.tidemark.core.source.FeatureStore;
import org.tidemark.data.jdbc.JdbcDataStore;
import org.tidemark.data.raster.GeoTiffReader;
import org.tidemark.data.raster.GeoTiffWriter;

/**
 * The first-start loader: puts the demo layers into any {@link DataStore} (embedded H2GIS, PostGIS, the
 * in-memory store) and the DEM GeoTIFF into the data directory, printing one progress line per layer.
 *
 * <p>A manifest ({@value #MANIFEST}) in the data directory records the seed and each layer's count. On later
 * starts the loader only compares the store's counts with the manifest and reads the GeoTIFF back, without
 * generating anything. A layer that is missing or has a different count is (re)loaded: created and filled in
 * batches when absent, or swapped atomically with {@link FeatureStore#replaceAll} when present.
 * With a {@link JdbcDataStore} (H2GIS, PostGIS) the layers' catalog metadata is published too, so
 * {@code JdbcLayerCatalog} lists them with their departments.
 */
public final class DemoLoader {
    /** The DEM file name inside the data directory. */
    public static final String DEM_FILE = "xiangshan-dem.tif";
    /** The manifest file name inside the data directory. */
    public static final String MANIFEST = "demo-manifest.properties";
    private static final int BATCH = 2000;

    private DemoLoader() {}

    /**
     * What the loader did.
     *
     * @param layers    the demo layers' catalog records (to register in the layer catalog)
     * @param elevation the DEM
     * @param demFile   where the DEM GeoTIFF is
     * @param counts    features per layer in the store
     * @param generated whether the dataset had to be generated (false when everything was already there)
     */
    public record Result(List<Layer> layers, GridElevationModel elevation, Path demFile, Map<String, Long> counts,
                         boolean generated) {}

    /** Loads the default-seed dataset. */
    public static Result load(DataStore store, Path dataDir, Consumer<String> progress) {
        return load(store, dataDir, DemoDataset.DEFAULT_SEED, progress);
    }

    public static Result load(DataStore store, Path dataDir, long seed, Consumer<String> progress) {
        return load(store, dataDir, seed, () -> DemoDataset.generate(seed, progress), progress);
    }

    static Result load(DataStore store, Path dataDir, long seed, Supplier<DemoDataset> generator, Consumer<String> progress) {
        Consumer<String> out = progress == null ? s -> { } : progress;
        Path dem = dataDir.resolve(DEM_FILE);
        Path manifestFile = dataDir.resolve(MANIFEST);
        List<Layer> layers = DemoLayers.all();
        Properties manifest = readManifest(manifestFile);
        if (manifest != null && String.valueOf(seed).equals(manifest.getProperty("seed")) && Files.isRegularFile(dem)) {
            Map<String, Long> counts = presentCounts(store, layers, manifest);
            if (counts != null) {
                counts.forEach((name, n) -> out.accept(String.format("demo: %-16s %7d features present, skipped", name, n)));
                publish(store, layers);
                try {
                    return new Result(layers, GeoTiffReader.read(dem), dem, counts, false);
                } catch (IOException e) {
                    out.accept("demo: DEM unreadable (" + e.getMessage() + "), regenerating");
                }
            }
        }
        DemoDataset data = generator.get();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Layer layer : layers) counts.put(layer.name(), loadLayer(store, layer, data.features(layer.name()), out));
        publish(store, layers);
        try {
            long t0 = System.nanoTime();
            new GeoTiffWriter(DemoDataset.DEM_DESCRIPTION).write(data.elevation(), dem);
            out.accept(String.format("demo: %-16s %dx%d cells written to %s in %d ms", "dem", data.elevation().width(),
                    data.elevation().height(), dem, (System.nanoTime() - t0) / 1_000_000));
            writeManifest(manifestFile, seed, counts, data.checksum());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo DEM to " + dem, e);
        }
        return new Result(layers, data.elevation(), dem, counts, true);
    }

    /** Records department, titles, keywords and sharing in a JDBC store's layer table (idempotent). */
    private static void publish(DataStore store, List<Layer> layers) {
        if (store instanceof JdbcDataStore jdbc) layers.forEach(jdbc::publish);
    }

    private static long loadLayer(DataStore store, Layer layer, List<Feature> features, Consumer<String> out) {
        long t0 = System.nanoTime();
        String name = layer.name();
        Optional<FeatureStore> existing = store.store(name);
        if (existing.isPresent() && existing.get().count(FeatureQuery.all(name)) == features.size()) {
            out.accept(String.format("demo: %-16s %7d features present, skipped", name, features.size()));
            return features.size();
        }
        if (existing.isPresent()) {
            existing.get().replaceAll(features);
        } else {
            FeatureStore target = store.create(layer.type());
            try {
                for (int i = 0; i < features.size(); i += BATCH) {
                    target.insert(features.subList(i, Math.min(features.size(), i + BATCH)));
                }
            } catch (RuntimeException e) {
                store.drop(name);
                throw e;
            }
        }
        out.accept(String.format("demo: %-16s %7d features loaded in %d ms", name, features.size(),
                (System.nanoTime() - t0) / 1_000_000));
        return features.size();
    }

    /** The counts when every layer is present with its manifest count, else null. */
    private static Map<String, Long> presentCounts(DataStore store, List<Layer> layers, Properties manifest) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Layer l : layers) {
            String expected = manifest.getProperty("count." + l.name());
            Optional<FeatureStore> fs = store.store(l.name());
            if (expected == null || fs.isEmpty()) return null;
            long n = fs.get().count(FeatureQuery.all(l.name()));
            if (n != Long.parseLong(expected)) return null;
            counts.put(l.name(), n);
        }
        return counts;
    }

    private static Properties readManifest(Path file) {
        if (!Files.isRegularFile(file)) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void writeManifest(Path file, long seed, Map<String, Long> counts, String checksum) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Tidemark Xiangshan demo dataset: generated, not edited by hand (delete to regenerate)");
        lines.add("seed=" + seed);
        lines.add("checksum=" + checksum);
        counts.forEach((k, v) -> lines.add("count." + k + "=" + v));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (String line : lines) w.write(line + "\n");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
