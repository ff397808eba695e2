package org.tidemark.data.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.data.jdbc.SqlDialect;

/**
 * PostgreSQL 15 + PostGIS 3: the production store. Strings are stored with the {@code "C"} collation
 * so that ordering and {@code <}/{@code >} compare code points, as the in-memory evaluator does (and
 * do not depend on the server's locale). DWithin uses {@code geography} (metres on the spheroid);
 * results stream through a server-side cursor (autocommit off + fetch size, per the pgJDBC docs).
 */
public final class PostgisDialect implements SqlDialect {
    static final int FETCH_SIZE = 1000;
    static final long ESTIMATE_ABOVE_ROWS = 1_000_000;

    @Override
    public String name() { return "postgis"; }

    @Override
    public String columnType(AttributeType type) {
        return switch (type) {
            case STRING -> "TEXT COLLATE \"C\"";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMPTZ";
        };
    }

    @Override
    public String geometryColumnType(int srid) { return "geometry(Geometry, " + srid + ")"; }

    @Override
    public String createSpatialIndex(String quotedIndex, String quotedTable, String quotedColumn) {
        return "CREATE INDEX " + quotedIndex + " ON " + quotedTable + " USING GIST (" + quotedColumn + ")";
    }

    @Override
    public String moveSequencePast(String quotedSequence, long value) {
        return "SELECT setval('" + quotedSequence + "', GREATEST(" + value + ", (SELECT last_value FROM " + quotedSequence + ")))";
    }

    @Override
    public String nextValues(String quotedSequence) {
        return "SELECT nextval('" + quotedSequence + "') FROM generate_series(1, ?)";
    }

    @Override
    public String geometryResult(String quotedColumn) { return "ST_AsBinary(" + quotedColumn + ")"; }

    @Override
    public String geodesicWithin(String column, String literal, String metres) {
        return "ST_DWithin(" + column + "::geography, (" + literal + ")::geography, " + metres + ")";
    }

    @Override
    public void prepareStreaming(Connection connection, Statement statement) throws SQLException {
        connection.setAutoCommit(false);
        statement.setFetchSize(FETCH_SIZE);
    }

    /**
     * {@code ST_Extent} over the table; above a million rows (by the planner's estimate) the statistics'
     * {@code ST_EstimatedExtent} instead, which is instant but only as fresh as the last {@code ANALYZE}.
     */
    @Override
    public String extentSql(String tableName, String geometryColumn) {
        String literal = "'\"" + tableName + "\"'";
        return "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT CASE WHEN "
                + "(SELECT reltuples FROM pg_class WHERE oid = " + literal + "::regclass) >= " + ESTIMATE_ABOVE_ROWS
                + " THEN ST_EstimatedExtent(current_schema(), '" + tableName + "', '" + geometryColumn + "')::box2d"
                + " ELSE (SELECT ST_Extent(\"" + geometryColumn + "\") FROM \"" + tableName + "\") END AS e) x";
    }

    @Override
    public boolean transactionalDdl() { return true; }
}
