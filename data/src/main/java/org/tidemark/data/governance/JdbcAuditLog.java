package org.tidemark.data.governance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.tidemark.core.access.AuditEvent;
import org.tidemark.core.access.AuditLog;
import org.tidemark.core.error.GeoServiceException;

/**
 * The audit trail as an append-only table whose rows are hash-chained: each row stores
 * {@code SHA-256(previous hash ‖ canonical fields)}. Appends serialise on a one-row head table locked
 * with {@code SELECT … FOR UPDATE}, so several instances writing to one PostGIS keep one chain.
 */
public final class JdbcAuditLog implements AuditLog {
    static final String GENESIS = "0".repeat(64);

    private final DataSource dataSource;

    public JdbcAuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS tm_audit (seq BIGINT PRIMARY KEY, event_time TIMESTAMP NOT NULL, "
                    + "principal VARCHAR(128), department VARCHAR(64), action VARCHAR(128), resource VARCHAR(256), "
                    + "detail VARCHAR(2000), result_count BIGINT, outcome VARCHAR(64), hash CHAR(64) NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS tm_audit_time ON tm_audit(event_time)");
            s.execute("CREATE TABLE IF NOT EXISTS tm_audit_head (id INT PRIMARY KEY, seq BIGINT NOT NULL, hash CHAR(64) NOT NULL)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tm_audit_head")) {
                rs.next();
                if (rs.getLong(1) == 0) s.execute("INSERT INTO tm_audit_head (id, seq, hash) VALUES (1, 0, '" + GENESIS + "')");
            }
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("cannot create audit tables", e);
        }
    }

    @Override
    public void append(AuditEvent event) { appendAll(List.of(event)); }

    /** Appends several events in one transaction (the app's batching writer uses this). */
    @Override
    public void appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) return;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq;
                String hash;
                try (PreparedStatement head = c.prepareStatement("SELECT seq, hash FROM tm_audit_head WHERE id = 1 FOR UPDATE");
                     ResultSet rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                    hash = rs.getString(2);
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO tm_audit (seq, event_time, principal, department, "
                        + "action, resource, detail, result_count, outcome, hash) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                    for (AuditEvent e : events) {
                        seq++;
                        hash = chain(hash, e);
                        ins.setLong(1, seq);
                        ins.setTimestamp(2, Timestamp.from(e.time().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
                        ins.setString(3, cut(e.principal(), 128));
                        ins.setString(4, cut(e.department(), 64));
                        ins.setString(5, cut(e.action(), 128));
                        ins.setString(6, cut(e.resource(), 256));
                        ins.setString(7, cut(e.detail(), 2000));
                        ins.setLong(8, e.count());
                        ins.setString(9, cut(e.outcome(), 64));
                        ins.setString(10, hash);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
                try (PreparedStatement up = c.prepareStatement("UPDATE tm_audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                    up.setLong(1, seq);
                    up.setString(2, hash);
                    up.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("audit log unavailable", e);
        }
    }

    @Override
    public List<AuditEvent> query(String principal, String department, String resource, Instant from, Instant to,
                                  int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT seq, event_time, principal, department, action, resource, detail, "
                + "result_count, outcome, hash FROM tm_audit WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (principal != null) { sql.append(" AND principal = ?"); args.add(principal); }
        if (department != null) { sql.append(" AND department = ?"); args.add(department); }
        if (resource != null) { sql.append(" AND resource = ?"); args.add(resource); }
        if (from != null) { sql.append(" AND event_time >= ?"); args.add(Timestamp.from(from)); }
        if (to != null) { sql.append(" AND event_time < ?"); args.add(Timestamp.from(to)); }
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        args.add(Math.max(1, Math.min(limit, 10_000)));
        args.add(Math.max(0, offset));
        List<AuditEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("audit log unavailable", e);
        }
        return out;
    }

    @Override
    public long verify() {
        String hash = GENESIS;
        long expected = 1;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT seq, event_time, principal, department, action, resource, detail, result_count, outcome, hash "
                        + "FROM tm_audit ORDER BY seq")) {
            p.setFetchSize(1000);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    AuditEvent e = read(rs);
                    if (e.seq() != expected) return expected; // a deleted row
                    hash = chain(hash, e);
                    if (!hash.equals(e.hash())) return e.seq();
                    expected++;
                }
            }
            try (PreparedStatement head = c.prepareStatement("SELECT seq, hash FROM tm_audit_head WHERE id = 1");
                 ResultSet rs = head.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != expected - 1 || !rs.getString(2).equals(hash)) return expected; // truncated tail
            }
        } catch (SQLException e) {
            throw GeoServiceException.unavailable("audit log unavailable", e);
        }
        return -1;
    }

    private static AuditEvent read(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10));
    }

    static String chain(String previous, AuditEvent e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            // Timestamps are stored at microsecond precision; hash what the database keeps.
            AuditEvent stored = new AuditEvent(e.seq(), e.time().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                    cut(e.principal(), 128), cut(e.department(), 64), cut(e.action(), 128), cut(e.resource(), 256),
                    cut(e.detail(), 2000), e.count(), cut(e.outcome(), 64), null);
            sha.update(stored.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String cut(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max); }
}
