package org.tidemark.data.postgis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.tidemark.data.DataStores;
import org.tidemark.data.jdbc.DataStoreContract;
import org.tidemark.data.jdbc.JdbcDataStore;

/**
 * The store contract on PostGIS at {@code TIDEMARK_TEST_PG_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/tidemark_test?user=postgres}); skipped when it is not set,
 * unless {@code TIDEMARK_REQUIRE_INTEGRATION=true}, when a missing database fails the build.
 */
class PostgisDataStoreTest extends DataStoreContract {

    @Override
    protected JdbcDataStore openStore() {
        String url = System.getenv("TIDEMARK_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"))) {
                throw new IllegalStateException("TIDEMARK_TEST_PG_URL is not set but integration tests are required");
            }
            assumeTrue(false, "TIDEMARK_TEST_PG_URL is not set");
        }
        return DataStores.postgis(url, null, null);
    }
}
