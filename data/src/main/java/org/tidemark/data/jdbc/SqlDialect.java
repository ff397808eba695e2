package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.tidemark.core.feature.AttributeType;

/**
 * What differs between the SQL databases the {@link JdbcDataStore} runs on. Everything else (the
 * filter encoding, the statements, the transactions) is shared, so both stores answer a query alike.
 *
 * <p>Spatial SQL follows OGC 06-104r4 (Simple Feature Access, SQL option): both H2GIS and PostGIS
 * name their functions {@code ST_*} after it, which is why a dialect only supplies the few places
 * where they part ways (types, identifiers of the id sequence, geodesic distance, streaming).
 * Identifiers handed to a dialect are already validated and quoted.
 */
public interface SqlDialect {

    /** A short name, also the folder of the migration scripts under {@code db/}. */
    String name();

    /** Called once on a fresh connection before the migrations run (e.g. to register spatial functions). */
    default void initialize(Connection connection) throws SQLException {}

    /** The column type of an attribute type. */
    String columnType(AttributeType type);

    /** The column type of the geometry column in the storage CRS. */
    String geometryColumnType(int srid);

    /** A statement creating the spatial index of a geometry column. */
    String createSpatialIndex(String quotedIndex, String quotedTable, String quotedColumn);

    /** A query returning {@code ?} (bound as an integer) fresh values of a sequence, one per row. */
    String nextValues(String quotedSequence);

    /**
     * A statement after which the sequence hands out values above {@code value} (the caller has checked that
     * it is behind). It must not end the current transaction: sequences are not transactional anyway.
     */
    String moveSequencePast(String quotedSequence, long value);

    /** The expression that turns a bound WKB parameter into a geometry in {@code srid}. */
    default String geometryParameter(int srid) { return "ST_GeomFromWKB(?, " + srid + ")"; }

    /** The select-list expression that reads a geometry column as (E)WKB bytes. */
    String geometryResult(String quotedColumn);

    /**
     * The exact test "{@code column} lies within {@code metres} of {@code literal}" on the ellipsoid;
     * {@code literal} and {@code metres} are SQL expressions (parameters). The caller adds an
     * index-friendly bounding-box prefilter.
     */
    String geodesicWithin(String column, String literal, String metres);

    /** Prepares a connection and statement so that a large result streams instead of being buffered. */
    void prepareStreaming(Connection connection, Statement statement) throws SQLException;

    /**
     * A query answering one row {@code minX, minY, maxX, maxY} (nulls when empty) for a table. Names are
     * validated identifiers ({@code [A-Za-z0-9_-]}), safe inside quotes.
     */
    default String extentSql(String tableName, String geometryColumn) {
        String g = '"' + geometryColumn + '"';
        return "SELECT MIN(ST_XMin(" + g + ")), MIN(ST_YMin(" + g + ")), MAX(ST_XMax(" + g + ")), MAX(ST_YMax("
                + g + ")) FROM \"" + tableName + '"';
    }

    /** Whether DDL statements take part in transactions (PostgreSQL) or commit implicitly (H2). */
    boolean transactionalDdl();
}
