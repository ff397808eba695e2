package org.tidemark.core.source;

import java.util.List;
import java.util.Optional;
import org.tidemark.core.feature.FeatureType;

/** A container of feature types (a database schema). Implemented by the PostGIS and H2GIS stores. */
public interface DataStore extends AutoCloseable {
    List<FeatureType> types();

    Optional<FeatureStore> store(String typeName);

    /** Creates the table, its spatial index and id sequence; fails if the type exists. */
    FeatureStore create(FeatureType type);

    void drop(String typeName);

    /** Whether the store answers (for health checks). */
    boolean isAvailable();

    @Override
    void close();
}
