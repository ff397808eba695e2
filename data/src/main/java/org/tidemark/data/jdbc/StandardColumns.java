package org.tidemark.data.jdbc;

import java.sql.Connection;
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
 * <p>Whether the columns exist is probed once and remembered when they do; while they do not, the answer is reused
 * for {@link #RECHECK_NANOS}, so a column added by another server on the same database is seen soon after.
 */
final class StandardColumns {
    static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final DataSource ds;
    private final SqlDialect dialect;
    private final String table;
    private volatile boolean present;
    private volatile long absentSince = Long.MIN_VALUE;

    StandardColumns(DataSource ds, SqlDialect dialect, String quotedTable) {
        this.ds = ds;
        this.dialect = dialect;
        this.table = quotedTable;
    }

    /** Whether the table has the columns (a cheap probe at most every {@link #RECHECK_NANOS} while it has not). */
    boolean present() {
        if (present) return true;
        long now = System.nanoTime();
        if (absentSince != Long.MIN_VALUE && now - absentSince < RECHECK_NANOS) return false;
        boolean found = Jdbc.read(ds, c -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT " + columnList() + " FROM " + table + " WHERE 1 = 0").close();
                return true;
            } catch (SQLException e) {
                return false;
            }
        });
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
