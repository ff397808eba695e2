package org.tidemark.data.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureStore;
import org.tidemark.data.DataStores;
import org.tidemark.data.jdbc.JdbcDataStore;

/**
 * A PostGIS cursor streams: after the first feature the server still holds the open portal inside a
 * transaction ("idle in transaction"), instead of the driver having read the whole result and finished.
 */
class PostgisStreamingTest {

    @Test
    void aLargeResultIsFetchedInBatchesFromAnOpenServerSideCursor() throws Exception {
        String url = System.getenv("TIDEMARK_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("TIDEMARK_REQUIRE_INTEGRATION"))) {
                throw new IllegalStateException("TIDEMARK_TEST_PG_URL is not set but integration tests are required");
            }
            assumeTrue(false, "TIDEMARK_TEST_PG_URL is not set");
        }
        String name = "ct_stream_" + UUID.randomUUID().toString().substring(0, 8);
        GeometryFactory gf = new GeometryFactory();
        try (JdbcDataStore store = DataStores.postgis(url, null, null)) {
            FeatureStore layer = store.create(new FeatureType(name, null, null,
                    List.of(Attribute.of("n", AttributeType.INTEGER, "n", "n")), "geom", null, 4490, null));
            try {
                List<Feature> fs = new ArrayList<>();
                for (int i = 0; i < 3 * PostgisDialect.FETCH_SIZE; i++) {
                    fs.add(new Feature("", gf.createPoint(new Coordinate(121 + i * 1e-4, 29)), Map.of("n", i)));
                }
                layer.insert(fs);
                try (FeatureCursor cursor = layer.query(FeatureQuery.all(name))) {
                    assertThat(cursor.hasNext()).isTrue();
                    cursor.next();
                    assertThat(backendStates(url, name)).containsExactly("idle in transaction");
                    int n = 1;
                    while (cursor.hasNext()) {
                        cursor.next();
                        n++;
                    }
                    assertThat(n).isEqualTo(3 * PostgisDialect.FETCH_SIZE);
                }
                assertThat(backendStates(url, name)).doesNotContain("idle in transaction");
            } finally {
                store.drop(name);
            }
        }
    }

    private static List<String> backendStates(String url, String marker) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("SELECT state FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                     + "AND query LIKE ? AND query LIKE 'SELECT%'")) {
            ps.setString(1, "%" + marker + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) states.add(rs.getString(1));
            }
        }
        return states;
    }
}
