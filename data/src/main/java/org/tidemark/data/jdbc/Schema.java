package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.FeatureType;

/** The DDL of a feature type's table: {@code fid} text key, geometry in the storage CRS, one column per attribute. */
final class Schema {
    private Schema() {}

    static String createTableSql(SqlDialect dialect, FeatureType type, String quotedTable) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(quotedTable).append(" (")
                .append(Identifiers.quote(Identifiers.ID_COLUMN)).append(" ").append(dialect.columnType(
                        org.tidemark.core.feature.AttributeType.STRING)).append(" NOT NULL PRIMARY KEY, ")
                .append(Identifiers.quote(type.geometryName())).append(" ").append(dialect.geometryColumnType(type.storageSrid()));
        for (Attribute a : type.attributes()) {
            sb.append(", ").append(Identifiers.quote(a.name())).append(" ").append(dialect.columnType(a.type()));
            if (!a.nullable()) sb.append(" NOT NULL");
        }
        return sb.append(')').toString();
    }

    /** The columns in insert order: id, geometry, attributes. */
    static String columnList(FeatureType type) {
        StringBuilder sb = new StringBuilder(Identifiers.quote(Identifiers.ID_COLUMN)).append(", ")
                .append(Identifiers.quote(type.geometryName()));
        for (Attribute a : type.attributes()) sb.append(", ").append(Identifiers.quote(a.name()));
        return sb.toString();
    }

    static void createTable(Connection c, SqlDialect dialect, FeatureType type) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(createTableSql(dialect, type, Identifiers.table(type)));
        }
    }

    /** Creates the id sequence and the spatial index of a new table. */
    static void createSequenceAndIndex(Connection c, SqlDialect dialect, FeatureType type) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE " + Identifiers.sequence(type.name()));
            s.execute(dialect.createSpatialIndex(Identifiers.spatialIndex(type.name()), Identifiers.table(type),
                    Identifiers.quote(type.geometryName())));
        }
    }

    static void drop(Connection c, FeatureType type) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + Identifiers.table(type));
            s.execute("DROP SEQUENCE IF EXISTS " + Identifiers.sequence(type.name()));
        }
    }
}
