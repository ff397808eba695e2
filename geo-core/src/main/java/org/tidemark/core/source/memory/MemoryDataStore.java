package org.tidemark.core.source.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.source.DataStore;
import org.tidemark.core.source.FeatureStore;

/** A thread-safe {@link DataStore} of {@link MemoryFeatureStore}s, in creation order. */
public final class MemoryDataStore implements DataStore {
    private final Map<String, MemoryFeatureStore> stores = new LinkedHashMap<>();

    @Override
    public synchronized List<FeatureType> types() {
        return stores.values().stream().map(MemoryFeatureStore::type).toList();
    }

    @Override
    public synchronized Optional<FeatureStore> store(String typeName) {
        return Optional.ofNullable(stores.get(typeName));
    }

    @Override
    public synchronized FeatureStore create(FeatureType type) {
        if (stores.containsKey(type.name())) {
            throw new GeoServiceException(GeoServiceException.Kind.CONFLICT, "DuplicateStoredItem", "typeName",
                    "Feature type " + type.name() + " already exists");
        }
        MemoryFeatureStore store = new MemoryFeatureStore(type);
        stores.put(type.name(), store);
        return store;
    }

    @Override
    public synchronized void drop(String typeName) {
        if (stores.remove(typeName) == null) {
            throw GeoServiceException.notFound("typeName", "No feature type " + typeName);
        }
    }

    /** All stores, in creation order. */
    public synchronized List<MemoryFeatureStore> stores() { return new ArrayList<>(stores.values()); }

    @Override
    public boolean isAvailable() { return true; }

    @Override
    public void close() {}
}
