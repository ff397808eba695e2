package org.tidemark.data;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tidemark.data.h2gis.H2gisDialect;
import org.tidemark.data.jdbc.JdbcDataStore;
import org.tidemark.data.postgis.PostgisDialect;

/**
 * Ready-to-use stores: a HikariCP pool, the dialect, migrations applied. The application closes the
 * returned store on shutdown (which closes the pool).
 */
public final class DataStores {
    /** Rows of one H2 result kept in memory before H2 spools the rest to a temporary file. */
    static final int H2_MAX_MEMORY_ROWS = 10_000;

    private DataStores() {}

    /**
     * The embedded H2GIS store in {@code file} (the path without H2's {@code .mv.db} suffix; parent
     * folders are created).
     */
    public static JdbcDataStore h2gis(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.toString();
        if (name.endsWith(".mv.db")) name = name.substring(0, name.length() - ".mv.db".length());
        if (name.indexOf(';') >= 0) throw new IllegalArgumentException("database path must not contain ';'");
        try {
            if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("tidemark-h2gis");
        cfg.setJdbcUrl("jdbc:h2:file:" + name + ";MAX_MEMORY_ROWS=" + H2_MAX_MEMORY_ROWS + ";LOCK_TIMEOUT=20000");
        cfg.setUsername("sa");
        cfg.setPassword("");
        cfg.setMaximumPoolSize(8);
        return open(cfg, new H2gisDialect());
    }

    /** A PostGIS store ({@code url} like {@code jdbc:postgresql://host:5432/db}); user and password may be null when in the URL. */
    public static JdbcDataStore postgis(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("tidemark-postgis");
        cfg.setJdbcUrl(url);
        if (user != null) cfg.setUsername(user);
        if (password != null) cfg.setPassword(password);
        cfg.setMaximumPoolSize(10);
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        cfg.addDataSourceProperty("ApplicationName", "tidemark");
        return open(cfg, new PostgisDialect());
    }

    private static JdbcDataStore open(HikariConfig cfg, org.tidemark.data.jdbc.SqlDialect dialect) {
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            return JdbcDataStore.open(ds, dialect, ds);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }
}
