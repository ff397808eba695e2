package org.tidemark.core.source;

import java.util.List;
import java.util.Map;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.filter.Filter;

/**
 * A writable {@link FeatureSource}. Each call is one transaction: it commits whole or not at all,
 * so a failed import or edit never leaves a layer half-written.
 */
public interface FeatureStore extends FeatureSource {
    /** Inserts features; blank ids are assigned. Returns the stored ids in input order. */
    List<String> insert(List<Feature> features);

    /** Sets the given attribute values (and geometry under the geometry name) on the matching features. */
    int update(Filter filter, Map<String, Object> values);

    int delete(Filter filter);

    /** Atomically replaces the whole content (importer "replace" mode). */
    void replaceAll(Iterable<Feature> features);
}
