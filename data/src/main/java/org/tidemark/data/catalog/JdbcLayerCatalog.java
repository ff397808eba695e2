package org.tidemark.data.catalog;

import java.util.List;
import java.util.Optional;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.catalog.LayerCatalog;
import org.tidemark.core.source.FeatureSource;
import org.tidemark.data.jdbc.JdbcDataStore;

/**
 * The layers published in a {@link JdbcDataStore} ({@code tm_layer} rows with a department), each
 * backed by its table. Read on every call, so layers published by another instance appear at once.
 */
public final class JdbcLayerCatalog implements LayerCatalog {
    private final JdbcDataStore store;

    public JdbcLayerCatalog(JdbcDataStore store) { this.store = store; }

    @Override
    public List<Layer> layers() { return store.layers(); }

    @Override
    public Optional<FeatureSource> source(String name) {
        if (layers().stream().noneMatch(l -> l.name().equals(name))) return Optional.empty();
        return store.store(name).map(s -> s);
    }
}
