package org.tidemark.data.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.tidemark.core.access.AccessRequest;
import org.tidemark.core.access.Grant;
import org.tidemark.core.access.GrantStore;
import org.tidemark.core.error.GeoServiceException;

/**
 * Grants and access requests in two tables of the shared store (H2GIS or PostGIS; the SQL is the
 * common subset). Every instance reads the same rows, so a revocation takes effect cluster-wide.
 */
public final class JdbcGrantStore implements GrantStore {
    private static final String GRANT_COLUMNS =
            "id, layer_name, grantee, attributes, row_filter, area_wkt, can_write, expires_at, revoked_at, granted_by, created_at";
    private static final String REQUEST_COLUMNS = "id, layer_name, requester, requester_department, purpose, "
            + "wanted_attributes, area_wkt, days, status, decided_by, reason, grant_id, created_at, decided_at";

    private final DataSource dataSource;
    private final AtomicLong version = new AtomicLong();

    public JdbcGrantStore(DataSource dataSource) {
        this.dataSource = dataSource;
        createTables();
    }

    private void createTables() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS tm_grant (id VARCHAR(64) PRIMARY KEY, layer_name VARCHAR(128) NOT NULL, "
                    + "grantee VARCHAR(128) NOT NULL, attributes VARCHAR(4000), row_filter VARCHAR(8000), area_wkt TEXT, "
                    + "can_write BOOLEAN NOT NULL, expires_at TIMESTAMP, revoked_at TIMESTAMP, granted_by VARCHAR(128), "
                    + "created_at TIMESTAMP NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS tm_grant_layer ON tm_grant(layer_name)");
            s.execute("CREATE TABLE IF NOT EXISTS tm_access_request (id VARCHAR(64) PRIMARY KEY, layer_name VARCHAR(128) NOT NULL, "
                    + "requester VARCHAR(128) NOT NULL, requester_department VARCHAR(64), purpose VARCHAR(4000), "
                    + "wanted_attributes VARCHAR(4000), area_wkt TEXT, days INT NOT NULL, status VARCHAR(16) NOT NULL, "
                    + "decided_by VARCHAR(128), reason VARCHAR(4000), grant_id VARCHAR(64), created_at TIMESTAMP NOT NULL, "
                    + "decided_at TIMESTAMP)");
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("cannot create governance tables", e);
        }
    }

    @Override
    public List<Grant> grants(String layer) {
        return queryGrants("SELECT " + GRANT_COLUMNS + " FROM tm_grant WHERE layer_name = ? ORDER BY created_at, id", layer);
    }

    @Override
    public List<Grant> allGrants() {
        return queryGrants("SELECT " + GRANT_COLUMNS + " FROM tm_grant ORDER BY created_at, id");
    }

    @Override
    public Optional<Grant> grant(String id) {
        return queryGrants("SELECT " + GRANT_COLUMNS + " FROM tm_grant WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public Grant save(Grant g) {
        Grant stored = g.id() == null ? new Grant(UUID.randomUUID().toString(), g.layer(), g.grantee(), g.attributes(),
                g.rowFilter(), g.area(), g.write(), g.expiresAt(), g.revokedAt(), g.grantedBy(),
                g.createdAt() == null ? Instant.now() : g.createdAt()) : g;
        inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM tm_grant WHERE id = ?")) {
                d.setString(1, stored.id());
                d.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tm_grant (" + GRANT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, stored.id());
                p.setString(2, stored.layer());
                p.setString(3, stored.grantee());
                p.setString(4, join(stored.attributes()));
                p.setString(5, stored.rowFilter());
                p.setString(6, stored.area());
                p.setBoolean(7, stored.write());
                p.setTimestamp(8, ts(stored.expiresAt()));
                p.setTimestamp(9, ts(stored.revokedAt()));
                p.setString(10, stored.grantedBy());
                p.setTimestamp(11, ts(stored.createdAt() == null ? Instant.now() : stored.createdAt()));
                p.executeUpdate();
            }
        });
        version.incrementAndGet();
        return stored;
    }

    @Override
    public List<AccessRequest> requests() {
        return queryRequests("SELECT " + REQUEST_COLUMNS + " FROM tm_access_request ORDER BY created_at DESC, id");
    }

    @Override
    public Optional<AccessRequest> request(String id) {
        return queryRequests("SELECT " + REQUEST_COLUMNS + " FROM tm_access_request WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public AccessRequest save(AccessRequest r) {
        AccessRequest stored = r.id() == null ? new AccessRequest(UUID.randomUUID().toString(), r.layer(), r.requester(),
                r.requesterDepartment(), r.purpose(), r.wantedAttributes(), r.area(), r.days(), r.status(), r.decidedBy(),
                r.reason(), r.grantId(), r.createdAt() == null ? Instant.now() : r.createdAt(), r.decidedAt()) : r;
        inTransaction(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM tm_access_request WHERE id = ?")) {
                d.setString(1, stored.id());
                d.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO tm_access_request (" + REQUEST_COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, stored.id());
                p.setString(2, stored.layer());
                p.setString(3, stored.requester());
                p.setString(4, stored.requesterDepartment());
                p.setString(5, stored.purpose());
                p.setString(6, join(stored.wantedAttributes()));
                p.setString(7, stored.area());
                p.setInt(8, stored.days());
                p.setString(9, stored.status().name());
                p.setString(10, stored.decidedBy());
                p.setString(11, stored.reason());
                p.setString(12, stored.grantId());
                p.setTimestamp(13, ts(stored.createdAt()));
                p.setTimestamp(14, ts(stored.decidedAt()));
                p.executeUpdate();
            }
        });
        version.incrementAndGet();
        return stored;
    }

    @Override
    public long version() { return version.get(); }

    private List<Grant> queryGrants(String sql, String... args) {
        List<Grant> out = new ArrayList<>();
        query(sql, args, rs -> out.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getBoolean(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
                rs.getString(10), instant(rs.getTimestamp(11)))));
        return out;
    }

    private List<AccessRequest> queryRequests(String sql, String... args) {
        List<AccessRequest> out = new ArrayList<>();
        query(sql, args, rs -> out.add(new AccessRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), split(rs.getString(6)), rs.getString(7), rs.getInt(8),
                AccessRequest.Status.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)))));
        return out;
    }

    private interface RowHandler { void row(ResultSet rs) throws SQLException; }

    private interface Work { void run(Connection c) throws SQLException; }

    private void query(String sql, String[] args, RowHandler handler) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setString(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) handler.row(rs);
            }
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("governance store unavailable", e);
        }
    }

    private void inTransaction(Work work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("governance store unavailable", e);
        }
    }

    static String join(Set<String> values) { return values == null ? null : String.join(",", values.stream().sorted().toList()); }

    static Set<String> split(String joined) {
        return joined == null ? null : joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }

    static Instant instant(Timestamp t) { return t == null ? null : t.toInstant(); }
}
