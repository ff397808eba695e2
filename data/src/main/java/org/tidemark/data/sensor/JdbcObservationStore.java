package org.tidemark.data.sensor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidemark.core.sensor.Alert;
import org.tidemark.core.sensor.AlertKind;
import org.tidemark.core.sensor.Observation;
import org.tidemark.core.sensor.ObservationStore;
import org.tidemark.core.sensor.Quality;
import org.tidemark.core.sensor.StationStatus;

/**
 * The {@link ObservationStore} on a JDBC {@link DataSource}, for H2 2.x (embedded H2GIS) and PostgreSQL
 * (PostGIS). Both dialects share one set of statements built on SQL:2008 {@code MERGE}, which H2 and
 * PostgreSQL ≥ 15 implement; values are always bound parameters.
 *
 * <p>Durability: {@link #append} commits before it returns. On H2 the commit is followed by a
 * {@code CHECKPOINT}, because H2's MVStore otherwise writes committed data to the file up to a second
 * later, and a reading acknowledged to its sender must survive a crash of the process.
 */
public final class JdbcObservationStore implements ObservationStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcObservationStore.class);
    private static final String OBS_COLUMNS = "station, property, phen_time, result_time, obs_value, unit, quality";
    private static final String SOURCE = "(VALUES (CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(16)),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS DOUBLE PRECISION),"
            + " CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(12))))"
            + " AS s(station, property, phen_time, result_time, obs_value, unit, quality)";
    private static final String INSERT_OBS = "MERGE INTO sensor_observation t USING " + SOURCE
            + " ON (t.station = s.station AND t.property = s.property AND t.phen_time = s.phen_time)"
            + " WHEN NOT MATCHED THEN INSERT (" + OBS_COLUMNS + ") VALUES (s.station, s.property, s.phen_time,"
            + " s.result_time, s.obs_value, s.unit, s.quality)";
    private static final String UPSERT_LATEST = "MERGE INTO sensor_latest t USING " + SOURCE
            + " ON (t.station = s.station AND t.property = s.property)"
            + " WHEN MATCHED AND s.phen_time > t.phen_time THEN UPDATE SET phen_time = s.phen_time,"
            + " result_time = s.result_time, obs_value = s.obs_value, unit = s.unit, quality = s.quality"
            + " WHEN NOT MATCHED THEN INSERT (" + OBS_COLUMNS + ") VALUES (s.station, s.property, s.phen_time,"
            + " s.result_time, s.obs_value, s.unit, s.quality)";
    private static final String ALERT_COLUMNS = "id, station, kind, from_status, to_status, property, obs_value,"
            + " threshold, observed_at, raised_at, message, ack_by, ack_at";
    private static final int MAX_ATTEMPTS = 3;

    private final DataSource dataSource;
    private final boolean checkpointAfterCommit;

    /** Creates the store and its tables if they do not exist yet. */
    public JdbcObservationStore(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.checkpointAfterCommit = c.getMetaData().getDatabaseProductName().toUpperCase().contains("H2");
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            SensorSchema.create(c);
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the sensor tables", e);
        }
    }

    @Override
    public List<Observation> append(List<Observation> observations) {
        if (observations.isEmpty()) return List.of();
        for (int attempt = 1; ; attempt++) {
            try {
                return appendOnce(observations);
            } catch (SQLException e) {
                // a concurrent writer (another instance) inserted the same key first: retry, the MERGE then skips it
                boolean retryable = "23505".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retryable || attempt == MAX_ATTEMPTS) throw new IllegalStateException("observation write failed", e);
                log.debug("retrying observation batch after {}", e.getSQLState());
            }
        }
    }

    private List<Observation> appendOnce(List<Observation> observations) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Observation> fresh = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(INSERT_OBS)) {
                    for (Observation o : observations) {
                        bind(ps, o);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] > 0) fresh.add(observations.get(i));
                    }
                }
                Map<Observation.Key, Observation> newest = new LinkedHashMap<>();
                for (Observation o : fresh) {
                    newest.merge(new Observation.Key(o.station(), o.property(), Instant.EPOCH), o,
                            (a, b) -> b.phenomenonTime().isAfter(a.phenomenonTime()) ? b : a);
                }
                try (PreparedStatement ps = c.prepareStatement(UPSERT_LATEST)) {
                    for (Observation o : newest.values()) {
                        bind(ps, o);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                if (checkpointAfterCommit) {
                    c.setAutoCommit(true);
                    try (Statement s = c.createStatement()) { s.execute("CHECKPOINT"); }
                }
                return fresh;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                if (!c.getAutoCommit()) c.setAutoCommit(true);
            }
        }
    }

    private static void bind(PreparedStatement ps, Observation o) throws SQLException {
        ps.setString(1, o.station());
        ps.setString(2, o.property());
        ps.setObject(3, utc(o.phenomenonTime()));
        ps.setObject(4, utc(o.resultTime()));
        ps.setDouble(5, o.value());
        ps.setString(6, o.unit());
        ps.setString(7, o.quality().name());
    }

    @Override
    public List<Observation> latest() {
        return queryObservations("SELECT " + OBS_COLUMNS + " FROM sensor_latest ORDER BY station, property", ps -> {});
    }

    @Override
    public Optional<Observation> latest(String station, String property) {
        return queryObservations("SELECT " + OBS_COLUMNS + " FROM sensor_latest WHERE station = ? AND property = ?",
                ps -> { ps.setString(1, station); ps.setString(2, property); }).stream().findFirst();
    }

    @Override
    public List<Observation> history(String station, String property, Instant from, Instant to, int limit) {
        String sql = "SELECT " + OBS_COLUMNS + " FROM sensor_observation WHERE station = ? AND phen_time >= ?"
                + " AND phen_time < ?" + (property == null ? "" : " AND property = ?")
                + " ORDER BY phen_time, property FETCH FIRST ? ROWS ONLY";
        return queryObservations(sql, ps -> {
            int i = 1;
            ps.setString(i++, station);
            ps.setObject(i++, utc(from));
            ps.setObject(i++, utc(to));
            if (property != null) ps.setString(i++, property);
            ps.setInt(i, Math.max(0, limit));
        });
    }

    /**
     * One query for the whole network: driven by the latest-value table (one row per station and property),
     * each row finds its newest reading in the interval through the primary key (station, property, time).
     */
    @Override
    public List<Observation> newestBetween(Instant from, Instant to) {
        String cols = "o.station, o.property, o.phen_time, o.result_time, o.obs_value, o.unit, o.quality";
        String sql = "SELECT " + cols + " FROM sensor_latest l JOIN sensor_observation o"
                + " ON o.station = l.station AND o.property = l.property"
                + " WHERE o.phen_time = (SELECT MAX(i.phen_time) FROM sensor_observation i"
                + " WHERE i.station = l.station AND i.property = l.property AND i.phen_time >= ? AND i.phen_time <= ?)"
                + " ORDER BY o.station, o.property";
        return queryObservations(sql, ps -> {
            ps.setObject(1, utc(from));
            ps.setObject(2, utc(to));
        });
    }

    /** One index seek per station and property (driven by the latest-value table), never a scan of the readings. */
    @Override
    public Optional<Instant> earliest() {
        String sql = "SELECT MIN((SELECT MIN(o.phen_time) FROM sensor_observation o"
                + " WHERE o.station = l.station AND o.property = l.property)) FROM sensor_latest l";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("observation read failed", e);
        }
    }

    @Override
    public Alert appendAlert(Alert a) {
        String sql = "INSERT INTO sensor_alert (station, kind, from_status, to_status, property, obs_value, threshold,"
                + " observed_at, raised_at, message, ack_by, ack_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            c.setAutoCommit(true);
            ps.setString(1, a.station());
            ps.setString(2, a.kind().name());
            ps.setString(3, a.from().name());
            ps.setString(4, a.to().name());
            ps.setString(5, a.property());
            setDouble(ps, 6, a.value());
            setDouble(ps, 7, a.threshold());
            ps.setObject(8, utc(a.observedAt()));
            ps.setObject(9, utc(a.raisedAt()));
            ps.setString(10, a.message());
            ps.setString(11, a.acknowledgedBy());
            ps.setObject(12, a.acknowledgedAt() == null ? null : utc(a.acknowledgedAt()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no generated alert id");
                return a.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("alert write failed", e);
        }
    }

    @Override
    public List<Alert> alerts(Instant since, int limit) {
        String sql = "SELECT " + ALERT_COLUMNS + " FROM sensor_alert WHERE raised_at >= ?"
                + " ORDER BY raised_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, utc(since));
            ps.setInt(2, Math.max(0, limit));
            List<Alert> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(alert(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("alert read failed", e);
        }
    }

    @Override
    public Optional<Alert> acknowledge(long alertId, String by, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sensor_alert SET ack_by = ?, ack_at = ? WHERE id = ? AND ack_by IS NULL")) {
                ps.setString(1, by);
                ps.setObject(2, utc(at));
                ps.setLong(3, alertId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM sensor_alert WHERE id = ?")) {
                ps.setLong(1, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("alert acknowledgement failed", e);
        }
    }

    @Override
    public boolean isAvailable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Observation> queryObservations(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Observation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Observation(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                            rs.getDouble(5), rs.getString(6), Quality.valueOf(rs.getString(7))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("observation read failed", e);
        }
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), rs.getString(2), AlertKind.valueOf(rs.getString(3)),
                StationStatus.valueOf(rs.getString(4)), StationStatus.valueOf(rs.getString(5)), rs.getString(6),
                doubleOrNaN(rs, 7), doubleOrNaN(rs, 8), instant(rs, 9), instant(rs, 10), rs.getString(11),
                rs.getString(12), instant(rs, 13));
    }

    private static double doubleOrNaN(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) ps.setNull(i, Types.DOUBLE);
        else ps.setDouble(i, v);
    }

    private static OffsetDateTime utc(Instant t) { return t.atOffset(ZoneOffset.UTC); }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed", e);
        }
    }
}
