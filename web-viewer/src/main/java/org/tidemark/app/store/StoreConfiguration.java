package org.tidemark.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tidemark.app.config.TidemarkProperties;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.coverage.ElevationModel;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.data.demo.DemoLoader;
import org.tidemark.data.governance.JdbcAuditLog;
import org.tidemark.data.governance.JdbcGrantStore;
import org.tidemark.data.h2gis.H2gisDialect;
import org.tidemark.data.jdbc.JdbcDataStore;
import org.tidemark.data.jdbc.SqlDialect;
import org.tidemark.data.postgis.PostgisDialect;
import org.tidemark.data.raster.GeoTiffReader;
import org.tidemark.data.sensor.JdbcObservationStore;

/**
 * The one shared store and everything kept in it: features ({@link JdbcDataStore}), observations,
 * grants and the audit trail. Embedded H2GIS in {@code tidemark.data-dir} unless {@code tidemark.db.url}
 * names a PostGIS database. On first start with {@code tidemark.demo.load} the Xiangshan demo dataset is
 * generated and loaded here, before any module reads the catalog.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource tidemarkDataSource(TidemarkProperties properties) throws java.io.IOException {
        HikariConfig cfg = new HikariConfig();
        var db = properties.db();
        if (db.embedded()) {
            Path dir = properties.dataDir().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            String file = dir.resolve("tidemark").toString();
            if (file.indexOf(';') >= 0) throw new IllegalArgumentException("tidemark.data-dir must not contain ';'");
            cfg.setPoolName("tidemark-h2gis");
            // WRITE_DELAY=0: a committed write (an acknowledged observation) is on disk before the ack
            cfg.setJdbcUrl("jdbc:h2:file:" + file + ";MAX_MEMORY_ROWS=10000;LOCK_TIMEOUT=20000;WRITE_DELAY=0");
            cfg.setUsername("sa");
            cfg.setPassword("");
        } else {
            if (!db.url().startsWith("jdbc:postgresql:")) throw new IllegalArgumentException("tidemark.db.url must be a jdbc:postgresql: URL");
            cfg.setPoolName("tidemark-postgis");
            cfg.setJdbcUrl(db.url());
            if (db.user() != null && !db.user().isBlank()) cfg.setUsername(db.user());
            if (db.password() != null && !db.password().isBlank()) cfg.setPassword(db.password());
            cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
            cfg.addDataSourceProperty("ApplicationName", "tidemark");
        }
        cfg.setMaximumPoolSize(db.poolSize());
        return new HikariDataSource(cfg);
    }

    @Bean
    SqlDialect tidemarkDialect(TidemarkProperties properties) {
        return properties.db().embedded() ? new H2gisDialect() : new PostgisDialect();
    }

    /** The opened store, and the demo DEM when the demo dataset was loaded into it. */
    record LoadedStore(JdbcDataStore store, ElevationModel demoElevation) {}

    @Bean
    LoadedStore tidemarkLoadedStore(HikariDataSource ds, SqlDialect dialect, TidemarkProperties properties) {
        JdbcDataStore store = JdbcDataStore.open(ds, dialect, null);
        if (!properties.demo().load()) return new LoadedStore(store, null);
        long t0 = System.nanoTime();
        var result = DemoLoader.load(store, properties.dataDir(), msg -> LOG.info("demo data: {}", msg));
        LOG.info("demo data ready in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, result.counts());
        return new LoadedStore(store, result.elevation());
    }

    @Bean
    JdbcDataStore tidemarkDataStore(LoadedStore loaded) { return loaded.store(); }

    /** The DEM: the demo dataset's, or the GeoTIFF {@code xiangshan-dem.tif} in the data directory. */
    @Bean
    ElevationModel tidemarkElevation(LoadedStore loaded, TidemarkProperties properties) throws java.io.IOException {
        if (loaded.demoElevation() != null) return loaded.demoElevation();
        Path tif = properties.dataDir().resolve(DemoLoader.DEM_FILE);
        if (!Files.exists(tif)) throw new IllegalStateException("No DEM at " + tif.toAbsolutePath() + " (enable tidemark.demo.load or import one)");
        return GeoTiffReader.read(tif);
    }

    @Bean
    ObservationStore tidemarkObservations(HikariDataSource ds) { return new JdbcObservationStore(ds); }

    @Bean
    GrantStore tidemarkGrants(HikariDataSource ds, JdbcDataStore store, TidemarkProperties properties) {
        GrantStore grants = new JdbcGrantStore(ds);
        if (properties.demo().load()) DemoGrants.seedIfEmpty(grants);
        return grants;
    }

    @Bean
    AuditLog tidemarkAudit(HikariDataSource ds, JdbcDataStore store) { return new JdbcAuditLog(ds); }
}
