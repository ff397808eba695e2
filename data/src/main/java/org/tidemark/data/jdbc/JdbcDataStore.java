package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.tidemark.core.catalog.Layer;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.source.DataStore;
import org.tidemark.core.source.FeatureStore;

/**
 * A {@link DataStore} over a JDBC {@link DataSource}: one table per feature type (text key {@code fid},
 * geometry in EPSG:4490 lon/lat with a spatial index, one column per attribute), described by a row of
 * {@code tm_layer} so that types and published layers survive a restart. Works on H2GIS and PostGIS
 * through a {@link SqlDialect}; filters become SQL via one shared encoder with bound parameters only.
 *
 * <p>Create instances with {@code org.tidemark.data.DataStores}, or {@link #open} for a pool you own.
 */
public final class JdbcDataStore implements DataStore {
    private final DataSource ds;
    private final SqlDialect dialect;
    private final AutoCloseable owned;
    private final ConcurrentMap<String, JdbcFeatureStore> stores = new ConcurrentHashMap<>();

    private JdbcDataStore(DataSource ds, SqlDialect dialect, AutoCloseable owned) {
        this.ds = ds;
        this.dialect = dialect;
        this.owned = owned;
    }

    /**
     * Prepares the database (dialect set-up, then the migrations) and returns the store.
     *
     * @param owned closed by {@link #close()} (e.g. the connection pool), or null when the caller owns it
     */
    public static JdbcDataStore open(DataSource ds, SqlDialect dialect, AutoCloseable owned) {
        try (Connection c = ds.getConnection()) {
            dialect.initialize(c);
        } catch (SQLException e) {
            throw Jdbc.translate(e);
        }
        SchemaMigrator.migrate(ds, dialect);
        return new JdbcDataStore(ds, dialect, owned);
    }

    public SqlDialect dialect() { return dialect; }

    @Override
    public List<FeatureType> types() {
        return Jdbc.read(ds, LayerTable::types);
    }

    @Override
    public Optional<FeatureStore> store(String typeName) {
        JdbcFeatureStore cached = stores.get(typeName);
        if (cached != null) return Optional.of(cached);
        Optional<FeatureType> type = Jdbc.read(ds, c -> LayerTable.type(c, typeName));
        return type.map(t -> stores.computeIfAbsent(typeName, n -> new JdbcFeatureStore(ds, dialect, t)));
    }

    @Override
    public FeatureStore create(FeatureType type) {
        try {
            Identifiers.validate(type);
        } catch (IllegalArgumentException e) {
            throw GeoServiceException.invalid("type", e.getMessage());
        }
        if (type.storageSrid() != 4490) {
            throw GeoServiceException.invalid("type", "layers are stored in EPSG:4490 lon/lat, not EPSG:" + type.storageSrid());
        }
        if (Jdbc.read(ds, c -> LayerTable.type(c, type.name())).isPresent()) {
            throw new GeoServiceException(GeoServiceException.Kind.CONFLICT, "DuplicateStoredValue", "type",
                    "type " + type.name() + " exists");
        }
        var tableCreated = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            // DDL first: on H2 it commits by itself, so the tm_layer row only appears once the table exists
            Jdbc.inTransaction(ds, c -> {
                Schema.createTable(c, dialect, type);
                tableCreated.set(true);
                Schema.createSequenceAndIndex(c, dialect, type);
                LayerTable.insert(c, type);
                return null;
            });
        } catch (RuntimeException e) {
            // without transactional DDL, undo what this call created (never a concurrent creator's table)
            if (!dialect.transactionalDdl() && tableCreated.get()) cleanUp(type);
            throw e;
        }
        stores.remove(type.name());
        return store(type.name()).orElseThrow();
    }

    private void cleanUp(FeatureType type) {
        try {
            Jdbc.read(ds, c -> {
                LayerTable.delete(c, type.name());
                Schema.drop(c, type);
                return null;
            });
        } catch (RuntimeException ignored) {
            // best effort: the original failure is what the caller needs
        }
    }

    @Override
    public void drop(String typeName) {
        Optional<FeatureType> type = Jdbc.read(ds, c -> LayerTable.type(c, typeName));
        if (type.isEmpty()) throw GeoServiceException.notFound("type", "no type " + typeName);
        Jdbc.inTransaction(ds, c -> {
            LayerTable.delete(c, typeName);
            Schema.drop(c, type.get());
            return null;
        });
        stores.remove(typeName);
    }

    /** Stores a layer's catalog metadata (department, keywords, sharing); its type must exist in this store. */
    public void publish(Layer layer) {
        boolean found = Jdbc.inTransaction(ds, c -> LayerTable.publish(c, layer));
        if (!found) throw GeoServiceException.notFound("layer", "no stored type " + layer.name());
        stores.remove(layer.name());
    }

    /** The published layers (types with catalog metadata), ordered by name. */
    public List<Layer> layers() {
        return Jdbc.read(ds, LayerTable::layers);
    }

    @Override
    public boolean isAvailable() {
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stores.clear();
        if (owned == null) return;
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the data source failed", e);
        }
    }
}
