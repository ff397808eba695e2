package org.tidemark.core.catalog;

import java.util.List;
import java.util.Optional;
import org.tidemark.core.source.FeatureSource;

/**
 * The published layers and their sources. The app assembles it from the data store and the live
 * sensor layer; protocol modules only read it.
 */
public interface LayerCatalog {
    List<Layer> layers();

    default Optional<Layer> layer(String name) {
        return layers().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The source behind a layer; empty when the layer does not exist. */
    Optional<FeatureSource> source(String name);
}
