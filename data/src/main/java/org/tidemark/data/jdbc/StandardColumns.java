package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.StandardProperties;

/**
 * The nullable columns that keep a table's GML standard object properties ({@link StandardProperties}: description,
 * identifier and its codeSpace, name). They are added to a layer's table the first time a write sets one of them
 * (most layers never have them, so reads of those layers select nothing more), and are named exactly as the reserved
 * keys ({@code "gml:name"} …, delimited identifiers), which no attribute column can be: attribute names match
 * {@code [A-Za-z_][A-Za-z0-9_]*}.
 *
 * <p>Whether the columns exist is looked up (database metadata) and remembered once they do; while they do not, the
 * answer is reused for {@link #RECHECK_NANOS}, so columns added by another server on the same database are seen soon.
 */
final class StandardColumns {
    static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final DataSource ds;
    private final SqlDialect dialect;
    private final String table;
    private final String tableName;
    private volatile boolean present;
    private volatile long absentSince = Long.MIN_VALUE;

    StandardColumns(DataSource ds, SqlDialect dialect, String tableName) {
        this.ds = ds;
        this.dialect = dialect;
        this.tableName = tableName;
        this.table = Identifiers.quote(tableName);
    }

    /** Whether the table has the columns (a cheap probe at most every {@link #RECHECK_NANOS} while it has not). */
    boolean present() {
        if (present) return true;
        long now = System.nanoTime();
        if (absentSince != Long.MIN_VALUE && now - absentSince < RECHECK_NANOS) return false;
        boolean found = Jdbc.read(ds, this::hasLastColumn);
        if (found) present = true;
        else absentSince = now;
        return found;
    }

    /**
     * Adds the columns if they are missing, in its own statement before the write's transaction (H2 commits any open
     * transaction on DDL, so it must not run inside one).
     */
    void ensure() {
        if (present()) return;
        Jdbc.read(ds, c -> {
            add(c);
            return null;
        });
        present = true;
    }

    /**
     * Whether the table (in the connection's current schema) has the column added last, from the database metadata
     * rather than a failing query, which PostgreSQL would log as an error on every probe.
     */
    private boolean hasLastColumn(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String escape = md.getSearchStringEscape();
        try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), pattern(tableName, escape),
                pattern(StandardProperties.ALL.getLast(), escape))) {
            return rs.next();
        }
    }

    /** A metadata search pattern matching exactly {@code name} ({@code _} and {@code %} are wildcards there). */
    private static String pattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) return name;
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private void add(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String key : StandardProperties.ALL) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + Identifiers.quote(key) + " "
                        + dialect.columnType(AttributeType.STRING));
            }
        }
    }

    /** The quoted columns, comma-separated, in {@link StandardProperties#ALL} order. */
    static String columnList() {
        StringBuilder sb = new StringBuilder();
        for (String key : StandardProperties.ALL) sb.append(sb.isEmpty() ? "" : ", ").append(Identifiers.quote(key));
        return sb.toString();
    }
}
