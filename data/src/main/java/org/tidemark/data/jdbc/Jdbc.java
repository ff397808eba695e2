package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.tidemark.core.error.GeoServiceException;

/** Small JDBC helpers: parameter binding, one-transaction blocks, and SQL error translation. */
final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: commits on success, rolls back on any failure. */
    static <T> T inTransaction(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs read-only {@code work} on a pooled connection. */
    static <T> T read(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    static void bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        int i = first;
        for (Object p : params) bind(ps, i++, p);
    }

    static void bind(PreparedStatement ps, int index, Object p) throws SQLException {
        switch (p) {
            case TypedNull n -> ps.setNull(index, n.sqlType());
            case String s -> ps.setString(index, s);
            case Integer v -> ps.setInt(index, v);
            case Long v -> ps.setLong(index, v);
            case Double v -> ps.setDouble(index, v);
            case Boolean v -> ps.setBoolean(index, v);
            case byte[] b -> ps.setBytes(index, b);
            default -> ps.setObject(index, p);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Maps an SQL error to what a client may see: constraint violations are conflicts or invalid values;
     * anything else is "store unavailable" and keeps the SQL detail only in the cause (for the log).
     */
    static GeoServiceException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return new GeoServiceException(GeoServiceException.Kind.CONFLICT, "DuplicateStoredValue", "id",
                    "a feature with this id already exists", e);
        }
        if (state.startsWith("23") || state.startsWith("22")) {
            return new GeoServiceException(GeoServiceException.Kind.INVALID_PARAMETER, "InvalidParameterValue", null,
                    "a value violates the layer's schema (SQLSTATE " + state + ")", e);
        }
        return GeoServiceException.unavailable("the feature store failed (SQLSTATE " + state + ")", e);
    }
}
