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

    /**
     * The first instant a temporal query can find data for, when the source keeps more history than its
     * features show (the live gauges layer: its features are the latest readings, its history the stored
     * ones), so the WMS time dimension (WMS 1.3.0 Annex C) can advertise the whole history; null otherwise,
     * and the earliest feature's time is the start.
     */
    default java.time.Instant historyStart() { return null; }

    /** A value that changes whenever the content changes (for ETags and tile caches). */
    default long version() { return 0L; }
}
