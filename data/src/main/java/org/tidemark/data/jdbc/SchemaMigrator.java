package org.tidemark.data.jdbc;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned SQL scripts under {@code db/<dialect>/} with Flyway, recording them in
 * {@code tm_schema_version}. Flyway takes a lock, so several instances starting together on one
 * PostGIS database migrate it once.
 */
final class SchemaMigrator {
    static final String HISTORY_TABLE = "tm_schema_version";

    private SchemaMigrator() {}

    static int migrate(DataSource ds, SqlDialect dialect) {
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/" + dialect.name())
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
