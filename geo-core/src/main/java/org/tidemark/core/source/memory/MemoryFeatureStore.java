package org.tidemark.core.source.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Geometry;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.StandardProperties;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.source.FeatureStore;

/**
 * A writable in-memory layer. Every write builds a new snapshot and swaps it in under a lock, so a call is
 * atomic (all or nothing) and readers never block. Blank ids on insert get {@code <type>.<n>}; a duplicate id
 * is a {@link GeoServiceException.Kind#CONFLICT}; unknown attribute names in {@link #update} are invalid.
 */
public class MemoryFeatureStore extends MemoryFeatureSource implements FeatureStore {
    private final AtomicLong sequence = new AtomicLong();
    private final Object writeLock = new Object();

    public MemoryFeatureStore(FeatureType type) {
        super(type, List.of());
    }

    public MemoryFeatureStore(FeatureType type, Collection<Feature> features) {
        super(type, List.of());
        insert(List.copyOf(features));
    }

    @Override
    public List<String> insert(List<Feature> newFeatures) {
        synchronized (writeLock) {
            List<Feature> next = new ArrayList<>(features());
            Set<String> ids = new HashSet<>();
            next.forEach(f -> ids.add(f.id()));
            List<String> assigned = new ArrayList<>(newFeatures.size());
            for (Feature f : newFeatures) {
                String id = f.id().isBlank() ? nextId(ids) : f.id();
                if (!ids.add(id)) {
                    throw new GeoServiceException(GeoServiceException.Kind.CONFLICT, "DuplicateStoredItem", "id",
                            "Feature id " + id + " already exists in " + type().name());
                }
                next.add(id.equals(f.id()) ? f : new Feature(id, f.geometry(), f.properties()));
                assigned.add(id);
            }
            setFeatures(next);
            return assigned;
        }
    }

    @Override
    public int update(Filter filter, Map<String, Object> values) {
        for (String name : values.keySet()) {
            if (!type().hasProperty(name) && !StandardProperties.isStandard(name)) {
                throw GeoServiceException.invalid("property", "Unknown property " + name + " in " + type().name());
            }
        }
        synchronized (writeLock) {
            List<Feature> next = new ArrayList<>(features().size());
            int changed = 0;
            for (Feature f : features()) {
                if (FilterEvaluator.matches(filter, f)) {
                    next.add(updated(f, values));
                    changed++;
                } else {
                    next.add(f);
                }
            }
            if (changed > 0) setFeatures(next);
            return changed;
        }
    }

    @Override
    public int delete(Filter filter) {
        synchronized (writeLock) {
            List<Feature> next = features().stream().filter(f -> !FilterEvaluator.matches(filter, f)).toList();
            int removed = features().size() - next.size();
            if (removed > 0) setFeatures(next);
            return removed;
        }
    }

    @Override
    public void replaceAll(Iterable<Feature> replacement) {
        List<Feature> all = new ArrayList<>();
        replacement.forEach(all::add);
        synchronized (writeLock) {
            List<Feature> previous = features();
            setFeatures(List.of());
            try {
                insert(all);
            } catch (RuntimeException e) {
                setFeatures(previous);
                throw e;
            }
        }
    }

    private Feature updated(Feature f, Map<String, Object> values) {
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        Geometry geometry = f.geometry();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getKey().equals(type().geometryName())) {
                geometry = (Geometry) e.getValue();
            } else if (e.getValue() == null && StandardProperties.isStandard(e.getKey())) {
                props.remove(e.getKey()); // standard properties are present only when set
            } else {
                props.put(e.getKey(), e.getValue());
            }
        }
        return new Feature(f.id(), geometry, props);
    }

    /**
     * The next {@code <type>.<n>} that is not taken, in that form or as the bare {@code n}: services publish a stored
     * id without the type prefix with it (a WFS resource id {@code <type>.<n>}), so the two would be one id to clients.
     */
    private String nextId(Set<String> taken) {
        String id;
        long n;
        do {
            n = sequence.incrementAndGet();
            id = type().name() + "." + n;
        } while (taken.contains(id) || taken.contains(Long.toString(n)));
        return id;
    }
}
