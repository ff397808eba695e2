package org.tidemark.core.source;

import org.locationtech.jts.geom.Envelope;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.query.FeatureQuery;

/**
 * The read port every protocol uses (compare pg_featureserv's {@code Catalog}, FROST's
 * {@code PersistenceManager}): a typed, streaming, countable view of one layer.
 * Implementations: the JDBC stores in {@code data}, in-memory sources for tests, the live gauges layer.
 */
public interface FeatureSource {
    FeatureType type();

    /** Streams the matching features in stable order; the caller closes the cursor. */
    FeatureCursor query(FeatureQuery query);

    /** The number of features matching the query's filter and bbox (offset and limit ignored). */
    long count(FeatureQuery query);

    /** The extent of all features in lon/lat, or null when empty. */
    Envelope extent();

    /** A value that changes whenever the content changes (for ETags and tile caches). */
    default long version() { return 0L; }
}
