package org.tidemark.data.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.LocalizedText;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.source.DataStore;
import org.tidemark.core.source.FeatureStore;

/**
 * Imports a file into a layer of a {@link DataStore}: GeoJSON, CSV (lon/lat or WKT), zipped Shapefile or
 * GeoPackage. Two streaming passes: the first reads and validates every record (repairing what is safe,
 * collecting rejected rows with their row number and reason) and infers the schema; only when no row was
 * rejected does the second pass write. So a bad file never changes the store:
 * <ul>
 *   <li>{@link ImportMode#CREATE} creates the layer and inserts in batches; on a failure the layer is dropped;</li>
 *   <li>{@link ImportMode#REPLACE} hands a lazily read stream to {@link FeatureStore#replaceAll}, which swaps
 *       the content in one transaction;</li>
 *   <li>{@link ImportMode#APPEND} inserts in batches and deletes what it inserted when a later batch fails.</li>
 * </ul>
 * Memory stays bounded by the batch size, whatever the file size.
 */
public final class FeatureImporter {
    /** At most this many rejected rows are collected and reported. */
    public static final int MAX_REPORTED_ERRORS = 100;
    private static final int BATCH = 1000;
    private static final int PROGRESS_EVERY = 50_000;

    private final DataStore store;
    private final Consumer<String> progress;

    public FeatureImporter(DataStore store, Consumer<String> progress) {
        this.store = store;
        this.progress = progress == null ? s -> { } : progress;
    }

    /** Imports a file whose format is chosen by its extension (.geojson/.json, .csv, .zip, .gpkg). */
    public ImportResult importFile(Path file, String layer, ImportMode mode) {
        if (!Files.isRegularFile(file)) throw new ImportException("no such file: " + file);
        return run(ImportSource.forFile(file), layer, mode);
    }

    ImportResult run(ImportSource source, String layer, ImportMode mode) {
        long t0 = System.nanoTime();
        Optional<FeatureStore> existing = store.store(layer);
        if (mode == ImportMode.CREATE && existing.isPresent()) {
            throw new ImportException("layer " + layer + " already exists; use replace or append");
        }
        if (mode != ImportMode.CREATE && existing.isEmpty()) {
            throw new ImportException("layer " + layer + " does not exist; use create");
        }
        Plan plan = validate(source, layer, existing.map(FeatureStore::type).orElse(null));
        progress.accept(String.format("import %s: %d rows valid (%d repaired), writing", layer, plan.rows, plan.repaired));
        long written = switch (mode) {
            case CREATE -> create(source, plan);
            case REPLACE -> replace(source, plan, existing.get());
            case APPEND -> append(source, plan, existing.get());
        };
        long ms = (System.nanoTime() - t0) / 1_000_000;
        progress.accept(String.format("import %s: %d features written in %d ms", layer, written, ms));
        return new ImportResult(plan.type, mode, written, plan.repaired, ms);
    }

    /** What the first pass learned. */
    private static final class Plan {
        FeatureType type;
        long rows;
        long repaired;
        boolean assignIds;
    }

    private Plan validate(ImportSource source, String layer, FeatureType target) {
        List<RowError> errors = new ArrayList<>();
        Map<String, AttributeType> inferred = new LinkedHashMap<>();
        Map<String, Attribute> declared = new LinkedHashMap<>();
        int family = target == null ? -1 : GeometryCheck.family(target.geometryKind());
        boolean multi = false;
        long rejected = 0;
        Plan plan = new Plan();
        try (RecordReader reader = source.open()) {
            reader.declaredAttributes().forEach(a -> declared.put(a.name(), a));
            while (reader.hasNext()) {
                SourceRecord r = reader.next();
                plan.rows++;
                if (plan.rows % PROGRESS_EVERY == 0) progress.accept("import " + layer + ": validated " + plan.rows + " rows");
                try {
                    if (r.problem() != null) throw new IllegalArgumentException(r.problem());
                    GeometryCheck.Checked c = GeometryCheck.check(r.geometry());
                    Geometry g = c.geometry();
                    if (family < 0) family = GeometryCheck.family(g);
                    if (target != null) {
                        GeometryCheck.fit(g, target.geometryKind());
                        for (Attribute a : target.attributes()) Values.convert(r.properties().get(a.name()), a.type());
                    } else {
                        if (GeometryCheck.family(g) != family) {
                            throw new IllegalArgumentException("geometry " + g.getGeometryType() + " differs from the "
                                    + GeometryCheck.kind(family, false).simpleFeaturesName()
                                    + " of the first rows (mixed geometry types)");
                        }
                        multi |= GeometryCheck.isMulti(g);
                        for (Map.Entry<String, Object> e : r.properties().entrySet()) {
                            Attribute d = declared.get(e.getKey());
                            if (d != null) Values.convert(e.getValue(), d.type());
                            else inferred.put(e.getKey(), Values.widen(inferred.get(e.getKey()), Values.typeOf(e.getValue())));
                        }
                    }
                    if (c.repaired()) plan.repaired++;
                } catch (IllegalArgumentException e) {
                    rejected++;
                    if (errors.size() < MAX_REPORTED_ERRORS) errors.add(new RowError(r.row(), e.getMessage()));
                }
            }
        }
        if (rejected > 0) {
            throw new ImportException(rejected + " of " + plan.rows + " rows rejected; nothing was imported", errors);
        }
        if (plan.rows == 0) throw new ImportException("the file holds no features");
        if (target != null) {
            plan.type = target;
        } else {
            List<Attribute> attrs = new ArrayList<>(declared.values());
            inferred.forEach((name, type) -> {
                if (!declared.containsKey(name)) attrs.add(Attribute.of(name, type == null ? AttributeType.STRING : type, name, name));
            });
            plan.type = new FeatureType(layer, LocalizedText.of(layer, layer), null, attrs, "geom",
                    GeometryCheck.kind(family, multi), 4490, null);
        }
        return plan;
    }

    private Feature toFeature(SourceRecord r, FeatureType type, boolean blankIds) {
        Geometry g = GeometryCheck.fit(GeometryCheck.check(r.geometry()).geometry(), type.geometryKind());
        Map<String, Object> props = new LinkedHashMap<>();
        for (Attribute a : type.attributes()) props.put(a.name(), Values.convert(r.properties().get(a.name()), a.type()));
        String id = r.id() != null ? r.id() : blankIds ? "" : type.name() + "." + r.row();
        return new Feature(id, g, props);
    }

    private long create(ImportSource source, Plan plan) {
        FeatureStore target = store.create(plan.type);
        try {
            return insertAll(source, plan, target, false, null);
        } catch (RuntimeException e) {
            store.drop(plan.type.name());
            throw failure(e);
        }
    }

    private long replace(ImportSource source, Plan plan, FeatureStore target) {
        long[] count = {0};
        Iterable<Feature> features = () -> new Iterator<>() {
            private final RecordReader reader = source.open();
            private boolean closed;

            public boolean hasNext() {
                if (closed) return false;
                boolean more = reader.hasNext();
                if (!more) {
                    reader.close();
                    closed = true;
                }
                return more;
            }

            public Feature next() {
                if (!hasNext()) throw new NoSuchElementException();
                if (++count[0] % PROGRESS_EVERY == 0) progress.accept("import " + plan.type.name() + ": wrote " + count[0] + "/" + plan.rows);
                return toFeature(reader.next(), plan.type, false);
            }
        };
        try {
            target.replaceAll(features);
        } catch (RuntimeException e) {
            throw failure(e);
        }
        return count[0];
    }

    private long append(ImportSource source, Plan plan, FeatureStore target) {
        List<String> written = new ArrayList<>();
        try {
            return insertAll(source, plan, target, true, written);
        } catch (RuntimeException e) {
            for (int i = 0; i < written.size(); i += BATCH) {
                target.delete(new Filter.ResourceId(Set.copyOf(written.subList(i, Math.min(written.size(), i + BATCH)))));
            }
            throw failure(e);
        }
    }

    private long insertAll(ImportSource source, Plan plan, FeatureStore target, boolean blankIds, List<String> ids) {
        long n = 0;
        List<Feature> batch = new ArrayList<>(BATCH);
        try (RecordReader reader = source.open()) {
            while (reader.hasNext()) {
                batch.add(toFeature(reader.next(), plan.type, blankIds));
                if (batch.size() == BATCH) {
                    n += flush(target, batch, ids);
                    if (n % PROGRESS_EVERY < BATCH) progress.accept("import " + plan.type.name() + ": wrote " + n + "/" + plan.rows);
                }
            }
            n += flush(target, batch, ids);
        }
        return n;
    }

    private static int flush(FeatureStore target, List<Feature> batch, List<String> ids) {
        if (batch.isEmpty()) return 0;
        List<String> stored = target.insert(batch);
        if (ids != null) ids.addAll(stored);
        int n = batch.size();
        batch.clear();
        return n;
    }

    private static ImportException failure(RuntimeException e) {
        if (e instanceof ImportException ie) return ie;
        return new ImportException("import failed, the layer is unchanged: " + e.getMessage(), e);
    }
}
