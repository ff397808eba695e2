package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.StandardProperties;
import org.tidemark.core.source.FeatureCursor;

/**
 * A forward-only cursor over an open result set; it owns its connection until {@link #close()}. Rows
 * are read one at a time, so memory use does not grow with the result.
 */
final class JdbcFeatureCursor implements FeatureCursor {
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rs;
    private final List<Attribute> attributes;
    private final boolean withStandard;
    private final GeometryFactory factory;
    private Feature next;
    private boolean done;

    /** @param withStandard whether the GML standard-property columns follow the attributes in each row */
    JdbcFeatureCursor(Connection connection, Statement statement, ResultSet rs, List<Attribute> attributes,
                      boolean withStandard, GeometryFactory factory) {
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.attributes = attributes;
        this.withStandard = withStandard;
        this.factory = factory;
    }

    @Override
    public boolean hasNext() {
        if (next != null) return true;
        if (done) return false;
        try {
            if (!rs.next()) {
                close();
                return false;
            }
            next = read();
            return true;
        } catch (SQLException e) {
            close();
            throw Jdbc.translate(e);
        }
    }

    @Override
    public Feature next() {
        if (!hasNext()) throw new NoSuchElementException();
        Feature f = next;
        next = null;
        return f;
    }

    private Feature read() throws SQLException {
        String id = rs.getString(1);
        var geometry = Geometries.fromWkb(rs.getBytes(2), factory);
        LinkedHashMap<String, Object> props = new LinkedHashMap<>();
        int col = 3;
        for (Attribute a : attributes) {
            props.put(a.name(), value(a, col++));
        }
        if (withStandard) {
            // present only when set, so outputs listing every property do not change for other features
            for (String key : StandardProperties.ALL) {
                String v = rs.getString(col++);
                if (v != null) props.put(key, v);
            }
        }
        return Feature.owning(id, geometry, props);
    }

    private Object value(Attribute a, int col) throws SQLException {
        Object v = switch (a.type()) {
            case STRING -> rs.getString(col);
            case INTEGER -> rs.getInt(col);
            case LONG -> rs.getLong(col);
            case DOUBLE -> rs.getDouble(col);
            case BOOLEAN -> rs.getBoolean(col);
            case DATE -> rs.getObject(col, LocalDate.class);
            case DATETIME -> {
                OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
        };
        return rs.wasNull() ? null : v;
    }

    @Override
    public void close() {
        if (done) return;
        done = true;
        next = null;
        closeQuietly(connection, statement, rs);
    }

    /** Closes what is open, ending a streaming transaction (read-only, so rolled back). */
    static void closeQuietly(Connection c, Statement s, ResultSet rs) {
        try {
            if (rs != null) rs.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try {
            if (s != null) s.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        if (c == null) return;
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the pool validates the connection
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do
        }
    }
}
