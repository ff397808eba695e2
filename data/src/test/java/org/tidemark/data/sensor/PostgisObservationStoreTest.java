package org.tidemark.data.sensor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.ObservationStoreContract;

/**
 * The store contract on PostgreSQL/PostGIS at {@code TIDEMARK_TEST_PG_URL}; skipped when that is not
 * set, unless {@code TIDEMARK_REQUIRE_INTEGRATION=true} (then a missing database fails the build).
 */
class PostgisObservationStoreTest extends ObservationStoreContract {
    static PGSimpleDataSource dataSource;

    @BeforeAll
    static void connect() {
        String url = System.getenv("TIDEMARK_TEST_PG_URL");
        boolean required = "true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"));
        if (url == null || url.isBlank()) {
            if (required) throw new IllegalStateException("TIDEMARK_TEST_PG_URL is not set but integration tests are required");
            assumeTrue(false, "TIDEMARK_TEST_PG_URL not set");
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
    }

    @Override
    protected ObservationStore store() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS sensor_observation, sensor_latest, sensor_alert");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JdbcObservationStore(dataSource);
    }
}
