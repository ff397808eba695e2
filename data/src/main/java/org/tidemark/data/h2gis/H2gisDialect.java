package org.tidemark.data.h2gis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2gis.functions.factory.H2GISFunctions;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.data.jdbc.SqlDialect;

/**
 * H2 2.3 with the H2GIS 2.2 spatial functions: the embedded store of the default profile.
 *
 * <p>H2 has no geography type, so geodesic DWithin is the H2 function {@code TM_DWITHIN} (registered by
 * the migration {@code db/h2gis/V2}) backed by {@link GeodesicFunctions}. Large results need no
 * cursor set-up: H2 keeps at most {@code MAX_MEMORY_ROWS} rows of a result in memory and spools the
 * rest to a temporary file (the URL built by {@code DataStores.h2gis} sets it).
 */
public final class H2gisDialect implements SqlDialect {

    @Override
    public String name() { return "h2gis"; }

    @Override
    public void initialize(Connection connection) throws SQLException {
        boolean loaded;
        try (Statement s = connection.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_NAME = 'ST_GEOMFROMWKB'")) {
            rs.next();
            loaded = rs.getLong(1) > 0;
        }
        if (!loaded) H2GISFunctions.load(connection);
    }

    @Override
    public String columnType(AttributeType type) {
        return switch (type) {
            case STRING -> "CHARACTER VARYING";
            case INTEGER -> "INTEGER";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    @Override
    public String geometryColumnType(int srid) { return "GEOMETRY(GEOMETRY, " + srid + ")"; }

    @Override
    public String createSpatialIndex(String quotedIndex, String quotedTable, String quotedColumn) {
        return "CREATE SPATIAL INDEX " + quotedIndex + " ON " + quotedTable + "(" + quotedColumn + ")";
    }

    @Override
    public String moveSequencePast(String quotedSequence, long value) {
        return "ALTER SEQUENCE " + quotedSequence + " RESTART WITH " + Math.addExact(value, 1);
    }

    @Override
    public String nextValues(String quotedSequence) {
        return "SELECT NEXT VALUE FOR " + quotedSequence + " FROM SYSTEM_RANGE(1, ?)";
    }

    @Override
    public String geometryResult(String quotedColumn) { return quotedColumn; }

    @Override
    public String geodesicWithin(String column, String literal, String metres) {
        return "TM_DWITHIN(" + column + ", " + literal + ", " + metres + ")";
    }

    @Override
    public void prepareStreaming(Connection connection, Statement statement) {
        // H2 spools large results to disk by itself (MAX_MEMORY_ROWS); nothing to do.
    }

    @Override
    public boolean transactionalDdl() { return false; }
}
