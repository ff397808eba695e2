package org.tidemark.data.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.DataStore;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureStore;

/**
 * Child-process entry for {@link LargeFileImportTest}: imports a file into a store that only counts what it
 * receives, so the process's heap limit measures the importer alone. Prints {@code imported=N}.
 */
public final class BoundedHeapImport {
    private BoundedHeapImport() {}

    public static void main(String[] args) {
        CountingStore store = new CountingStore();
        ImportResult r = new FeatureImporter(store, System.out::println).importFile(Path.of(args[0]), "big", ImportMode.CREATE);
        System.out.println("imported=" + r.imported() + " counted=" + store.count);
    }

    /** A data store with one write-only layer that counts features and keeps none. */
    static final class CountingStore implements DataStore, FeatureStore {
        private FeatureType type;
        long count;

        public List<FeatureType> types() { return type == null ? List.of() : List.of(type); }

        public Optional<FeatureStore> store(String name) { return type != null && type.name().equals(name) ? Optional.of(this) : Optional.empty(); }

        public FeatureStore create(FeatureType t) {
            this.type = t;
            return this;
        }

        public void drop(String name) { type = null; }

        public boolean isAvailable() { return true; }

        public void close() { }

        public FeatureType type() { return type; }

        public FeatureCursor query(FeatureQuery q) { return FeatureCursor.of(List.<Feature>of().iterator()); }

        public long count(FeatureQuery q) { return count; }

        public Envelope extent() { return null; }

        public List<String> insert(List<Feature> features) {
            count += features.size();
            return features.stream().map(Feature::id).toList();
        }

        public int update(Filter f, Map<String, Object> values) { return 0; }

        public int delete(Filter f) { return 0; }

        public void replaceAll(Iterable<Feature> features) {
            count = 0;
            features.forEach(f -> count++);
        }
    }
}
