package org.tidemark.data.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.tidemark.core.access.AccessRequest;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.Principal;

/** The grant store and the hash-chained audit log, on H2 and (when available) PostgreSQL. */
class GovernanceStoresTest {
    private Connection keepAlive;

    DataSource dataSource(String kind) throws Exception {
        if (kind.equals("h2")) {
            var ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:gov" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            keepAlive = ds.getConnection();
            return ds;
        }
        String url = System.getenv("TIDEMARK_TEST_PG_URL");
        if (url == null) {
            Assumptions.assumeFalse("true".equals(System.getenv("TIDEMARK_REQUIRE_INTEGRATION")), "PostGIS required");
            Assumptions.abort("TIDEMARK_TEST_PG_URL not set");
        }
        var ds = new PGSimpleDataSource();
        ds.setURL(url);
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS tm_grant, tm_access_request, tm_audit, tm_audit_head");
        }
        return ds;
    }

    @AfterEach
    void close() throws Exception { if (keepAlive != null) keepAlive.close(); }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgis"})
    void grantsAndRequestsRoundTrip(String kind) throws Exception {
        var store = new JdbcGrantStore(dataSource(kind));
        var g = store.save(new Grant(null, "police_cameras", "dept:water", Set.of("code", "name"), "road = 'S215'",
                "POLYGON((121 29,122 29,122 30,121 30,121 29))", false, Instant.parse("2027-01-01T00:00:00Z"), null, "wang",
                Instant.parse("2026-12-01T08:00:00Z")));
        assertThat(g.id()).isNotBlank();
        assertThat(store.grants("police_cameras")).containsExactly(g);
        var revoked = store.save(g.revoked(Instant.parse("2026-12-02T00:00:00Z")));
        assertThat(store.grant(g.id())).contains(revoked);
        assertThat(store.allGrants()).hasSize(1);

        var r = store.save(new AccessRequest(null, "police_cameras", "zhao", "water", "防汛会商 flood consultation",
                Set.of("code"), null, 30, AccessRequest.Status.PENDING, null, null, null, Instant.parse("2026-12-01T00:00:00Z"), null));
        var decided = store.save(r.decided(AccessRequest.Status.DENIED, "wang", "理由 reason", null, Instant.parse("2026-12-01T01:00:00Z")));
        assertThat(store.request(r.id())).contains(decided);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgis"})
    void auditChainVerifiesAndDetectsTampering(String kind) throws Exception {
        DataSource ds = dataSource(kind);
        var log = new JdbcAuditLog(ds);
        var p = new Principal("zhao", "water", Set.of());
        for (int i = 0; i < 5; i++) {
            log.append(AuditEvent.of(Instant.parse("2026-12-01T00:00:00.123456789Z").plusSeconds(i), p, "WFS GetFeature",
                    "police_cameras", "BBOX=121,29,122,30 第" + i, i, "200"));
        }
        assertThat(log.verify()).isEqualTo(-1);
        assertThat(log.query("zhao", null, "police_cameras", null, null, 0, 10)).hasSize(5).first()
                .satisfies(e -> assertThat(e.seq()).isEqualTo(5));
        assertThat(log.query("nobody", null, null, null, null, 0, 10)).isEmpty();

        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE tm_audit SET result_count = 999 WHERE seq = 3");
        }
        assertThat(log.verify()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgis"})
    void deletedAuditRowIsDetected(String kind) throws Exception {
        DataSource ds = dataSource(kind);
        var log = new JdbcAuditLog(ds);
        for (int i = 0; i < 3; i++) log.append(AuditEvent.of(Instant.now(), Principal.ANONYMOUS, "WMS GetMap", "roads", "", 1, "200"));
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM tm_audit WHERE seq = 3");
        }
        assertThat(log.verify()).isEqualTo(3);
    }
}
