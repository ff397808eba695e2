package org.tidemark.data.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.Feature;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.feature.StandardProperties;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.query.FeatureQuery;
import org.tidemark.core.query.SortKey;
import org.tidemark.core.source.FeatureCursor;
import org.tidemark.core.source.FeatureStore;

/**
 * One feature type's table. Reads stream from an open JDBC result; every write is one transaction that
 * also bumps the layer's content version in {@code tm_layer} (the ETag/tile-cache key).
 *
 * <p>Order is always the sort keys then {@code fid} (WFS 2.0 §7.7.4.4.2 needs a stable order for
 * paging); ascending puts nulls last and descending first, so a descending sort is the exact reverse.
 */
final class JdbcFeatureStore implements FeatureStore {
    /** Whether the id sequence is known to be past every id in the generated form (see {@link #freshIds}). */
    private volatile boolean sequenceChecked;
    static final int BATCH = 1000;

    private final DataSource ds;
    private final SqlDialect dialect;
    private final FeatureType type;
    private final SqlFilterEncoder encoder;
    private final GeometryFactory factory;
    private final String table;
    /** The GML standard object properties (gml:name …), columns added on the first write that sets one. */
    private final StandardColumns standard;

    JdbcFeatureStore(DataSource ds, SqlDialect dialect, FeatureType type) {
        this.ds = ds;
        this.dialect = dialect;
        this.type = type;
        this.encoder = new SqlFilterEncoder(type, dialect);
        this.factory = Geometries.factory(type.storageSrid());
        this.table = Identifiers.table(type);
        this.standard = new StandardColumns(ds, dialect, type.name());
    }

    @Override
    public FeatureType type() { return type; }

    // ---------------------------------------------------------------- reads

    @Override
    public FeatureCursor query(FeatureQuery query) {
        List<Attribute> selected = selectedAttributes(query);
        SqlFragment where = where(query);
        var sql = new SqlFragment.Builder().sql("SELECT ").sql(Identifiers.quote(Identifiers.ID_COLUMN)).sql(", ")
                .sql(dialect.geometryResult(Identifiers.quote(type.geometryName())));
        for (Attribute a : selected) sql.sql(", ").sql(Identifiers.quote(a.name()));
        boolean withStandard = standard.present();
        if (withStandard) sql.sql(", ").sql(StandardColumns.columnList());
        sql.sql(" FROM ").sql(table).sql(" WHERE ").append(where).sql(" ORDER BY ").sql(orderBy(query.sortBy()));
        if (query.limit() == 0) return FeatureCursor.of(java.util.Collections.emptyIterator());
        if (query.offset() > 0) sql.sql(" OFFSET ").param(query.offset()).sql(" ROWS");
        if (query.limit() > 0) sql.sql(" FETCH FIRST ").param((long) query.limit()).sql(" ROWS ONLY");
        return open(sql.build(), selected, withStandard);
    }

    @Override
    public long count(FeatureQuery query) {
        SqlFragment sql = new SqlFragment.Builder().sql("SELECT COUNT(*) FROM ").sql(table).sql(" WHERE ")
                .append(where(query)).build();
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
                Jdbc.bind(ps, sql.params(), 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Envelope extent() {
        String sql = dialect.extentSql(type.name(), type.geometryName());
        return Jdbc.read(ds, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                double minX = rs.getDouble(1);
                if (rs.wasNull()) return null;
                return new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
            }
        });
    }

    @Override
    public long version() {
        return Jdbc.read(ds, c -> LayerTable.version(c, type.name()));
    }

    private SqlFragment where(FeatureQuery query) {
        SqlFragment filter = encoder.encode(query.filter());
        if (query.bbox() == null || query.bbox().isNull()) return filter;
        return new SqlFragment.Builder().sql("(").append(filter).sql(") AND ").append(encoder.bbox(query.bbox())).build();
    }

    private List<Attribute> selectedAttributes(FeatureQuery query) {
        if (query.properties() == null) return type.attributes();
        for (String p : query.properties()) {
            if (!type.hasProperty(p)) throw GeoServiceException.invalid("properties", "unknown property '" + abbreviate(p) + "'");
        }
        return type.attributes().stream().filter(a -> query.properties().contains(a.name())).toList();
    }

    private String orderBy(List<SortKey> keys) {
        StringBuilder sb = new StringBuilder();
        boolean idDescending = false;
        for (SortKey k : keys) {
            if (isFeatureId(k.property())) {
                idDescending = !k.ascending();
                break; // the id is unique: later keys cannot change the order
            }
            if (k.property().equals(type.geometryName())) {
                throw GeoServiceException.invalid("sortby", "cannot sort by the geometry");
            }
            if (type.attribute(k.property()).isEmpty()) {
                throw GeoServiceException.invalid("sortby", "unknown property '" + abbreviate(k.property()) + "' of " + type.name());
            }
            String col = Identifiers.quote(k.property());
            sb.append(col).append(k.ascending() ? " ASC NULLS LAST, " : " DESC NULLS FIRST, ");
        }
        return sb.append(Identifiers.quote(Identifiers.ID_COLUMN)).append(idDescending ? " DESC" : " ASC").toString();
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 60) + "…" : s; }

    /** {@code id} or {@code fid} name the feature id unless the type has an attribute of that name. */
    private boolean isFeatureId(String property) {
        return (property.equals(Identifiers.ID_COLUMN) || property.equals("id")) && type.attribute(property).isEmpty();
    }

    private FeatureCursor open(SqlFragment sql, List<Attribute> selected, boolean withStandard) {
        Connection c = null;
        PreparedStatement ps = null;
        try {
            c = ds.getConnection();
            ps = c.prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            dialect.prepareStreaming(c, ps);
            Jdbc.bind(ps, sql.params(), 1);
            ResultSet rs = ps.executeQuery();
            return new JdbcFeatureCursor(c, ps, rs, selected, withStandard, factory);
        } catch (SQLException | RuntimeException e) {
            JdbcFeatureCursor.closeQuietly(c, ps, null);
            throw e instanceof SQLException s ? Jdbc.translate(s) : (RuntimeException) e;
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public List<String> insert(List<Feature> features) {
        if (features.isEmpty()) return List.of();
        if (features.stream().anyMatch(JdbcFeatureStore::hasStandard)) standard.ensure();
        boolean withStandard = standard.present();
        return Jdbc.inTransaction(ds, c -> {
            List<String> ids = insertInto(c, table, features.iterator(), withStandard);
            LayerTable.bumpVersion(c, type.name());
            return ids;
        });
    }

    @Override
    public int update(Filter filter, Map<String, Object> values) {
        if (values.isEmpty()) return 0;
        if (StandardProperties.ALL.stream().anyMatch(k -> values.get(k) != null)) {
            standard.ensure();
        } else if (values.keySet().stream().anyMatch(StandardProperties::isStandard) && !standard.present()) {
            // clearing standard properties a table has never had: nothing to clear, no columns to add
            Map<String, Object> rest = new java.util.LinkedHashMap<>(values);
            rest.keySet().removeIf(StandardProperties::isStandard);
            return rest.isEmpty() ? (int) count(new FeatureQuery(type.name(), filter, null, null, List.of(), 0, -1)) : update(filter, rest);
        }
        var sql = new SqlFragment.Builder().sql("UPDATE ").sql(table).sql(" SET ");
        int i = 0;
        for (var e : values.entrySet()) {
            if (i++ > 0) sql.sql(", ");
            if (e.getKey().equals(type.geometryName())) {
                sql.sql(Identifiers.quote(type.geometryName())).sql(" = ");
                if (e.getValue() == null) sql.sql("NULL");
                else if (e.getValue() instanceof Geometry g) sql.sql(dialect.geometryParameter(type.storageSrid())).params(Geometries.toWkb(g));
                else throw GeoServiceException.invalid(e.getKey(), "not a geometry");
            } else if (StandardProperties.isStandard(e.getKey())) {
                Object v = e.getValue();
                sql.sql(Identifiers.quote(e.getKey())).sql(" = ").param(v == null ? new TypedNull(java.sql.Types.VARCHAR) : v.toString());
            } else {
                Attribute a = encoder.attribute(e.getKey());
                sql.sql(Identifiers.quote(a.name())).sql(" = ").param(Values.toJdbc(a.type(), Values.coerce(a.type(), e.getValue(), a.name())));
            }
        }
        SqlFragment statement = sql.sql(" WHERE ").append(encoder.encode(filter)).build();
        return Jdbc.inTransaction(ds, c -> {
            int n = executeUpdate(c, statement);
            LayerTable.bumpVersion(c, type.name());
            return n;
        });
    }

    @Override
    public int delete(Filter filter) {
        SqlFragment statement = new SqlFragment.Builder().sql("DELETE FROM ").sql(table).sql(" WHERE ")
                .append(encoder.encode(filter)).build();
        return Jdbc.inTransaction(ds, c -> {
            int n = executeUpdate(c, statement);
            LayerTable.bumpVersion(c, type.name());
            return n;
        });
    }

    /**
     * Loads the new content into a staging table (outside any reader's view), then swaps it in with one
     * short transaction ({@code DELETE} + {@code INSERT ... SELECT}); readers see the old or the new layer,
     * never a mix. A failure while loading drops the staging table and leaves the layer untouched.
     */
    @Override
    public void replaceAll(Iterable<Feature> features) {
        String stagingName = type.name() + "__stg_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String staging = Identifiers.quote(stagingName);
        Jdbc.read(ds, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(Schema.createTableSql(dialect, type, staging));
            }
            return null;
        });
        try {
            Iterator<Feature> it = features.iterator();
            while (it.hasNext()) {
                List<Feature> chunk = new ArrayList<>(BATCH);
                while (it.hasNext() && chunk.size() < BATCH) chunk.add(it.next());
                Jdbc.inTransaction(ds, c -> insertInto(c, staging, chunk.iterator(), false));
            }
            String columns = Schema.columnList(type);
            Jdbc.inTransaction(ds, c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM " + table);
                    s.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + staging);
                }
                LayerTable.bumpVersion(c, type.name());
                return null;
            });
        } finally {
            Jdbc.read(ds, c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS " + staging);
                }
                return null;
            });
        }
    }

    /** @param withStandard whether the target has the standard-property columns (then they are written too) */
    private List<String> insertInto(Connection c, String targetTable, Iterator<Feature> features, boolean withStandard)
            throws SQLException {
        List<Attribute> attrs = type.attributes();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(targetTable).append(" (").append(Schema.columnList(type))
                .append(withStandard ? ", " + StandardColumns.columnList() : "")
                .append(") VALUES (?, ").append(dialect.geometryParameter(type.storageSrid()));
        int columns = attrs.size() + (withStandard ? StandardProperties.ALL.size() : 0);
        for (int i = 0; i < columns; i++) sql.append(", ?");
        sql.append(')');
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            List<Feature> chunk = new ArrayList<>(BATCH);
            while (features.hasNext()) {
                chunk.add(features.next());
                if (chunk.size() == BATCH || !features.hasNext()) {
                    ids.addAll(insertChunk(c, targetTable, ps, chunk, withStandard));
                    chunk.clear();
                }
            }
        }
        return ids;
    }

    private List<String> insertChunk(Connection c, String targetTable, PreparedStatement ps, List<Feature> chunk,
                                     boolean withStandard) throws SQLException {
        long blanks = chunk.stream().filter(f -> f.id().isBlank()).count();
        long maxExplicit = chunk.stream().filter(f -> !f.id().isBlank()).mapToLong(f -> generatedNumber(f.id())).max().orElse(0);
        reservePast(c, maxExplicit);
        Iterator<Long> fresh = freshIds(c, targetTable, blanks).iterator();
        List<String> ids = new ArrayList<>(chunk.size());
        for (Feature f : chunk) {
            checkProperties(f);
            String id = f.id().isBlank() ? type.name() + "." + fresh.next() : f.id();
            ids.add(id);
            ps.setString(1, id);
            if (f.geometry() == null) ps.setNull(2, java.sql.Types.VARBINARY);
            else ps.setBytes(2, Geometries.toWkb(f.geometry()));
            int i = 3;
            for (Attribute a : type.attributes()) {
                Object v = Values.coerce(a.type(), f.get(a.name()), a.name());
                Jdbc.bind(ps, i++, Values.toJdbc(a.type(), v));
            }
            if (withStandard) {
                for (String key : StandardProperties.ALL) {
                    Object v = f.get(key);
                    if (v == null) ps.setNull(i++, java.sql.Types.VARCHAR);
                    else ps.setString(i++, v.toString());
                }
            }
            ps.addBatch();
        }
        ps.executeBatch();
        return ids;
    }

    private void checkProperties(Feature f) {
        for (String key : f.properties().keySet()) {
            if (type.attribute(key).isEmpty() && !StandardProperties.isStandard(key)) {
                throw GeoServiceException.invalid(key, "feature " + f.id() + " has a property that " + type.name() + " does not declare");
            }
        }
    }

    /**
     * The number n of an id of the generated form {@code <type>.<n>}, or of a bare {@code n} (services publish that as
     * {@code <type>.<n>}, so the sequence must not hand it out either), or 0.
     */
    private long generatedNumber(String id) {
        String prefix = id.startsWith(type.name() + ".") ? type.name() + "." : "";
        if (id.length() == prefix.length() || id.length() - prefix.length() > 18) return 0;
        long n = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < '0' || ch > '9') return 0;
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    /**
     * Moves the id sequence past {@code n}: ids written explicitly in the generated form (imports, the demo data,
     * WFS-T with {@code idgen="UseExisting"}) must never be handed out again by the sequence.
     */
    private void reservePast(Connection c, long n) throws SQLException {
        if (n <= 0) return;
        long next = nextIds(c, 1).get(0);
        if (next >= n) return;
        try (Statement st = c.createStatement()) {
            st.execute(dialect.moveSequencePast(Identifiers.sequence(type.name()), n));
        }
    }

    /**
     * {@code n} new ids that are not in the table yet. A table written before explicit ids moved the sequence
     * (an older data directory) may hold them: the first draw of this store checks, and on a collision the
     * sequence is moved past the largest such id.
     */
    private List<Long> freshIds(Connection c, String targetTable, long n) throws SQLException {
        List<Long> ids = nextIds(c, n);
        // once per store: after that, every explicit id in the generated form has moved the sequence itself
        if (ids.isEmpty() || sequenceChecked) return ids;
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(targetTable).append(" WHERE ")
                .append(Identifiers.quote(Identifiers.ID_COLUMN)).append(" IN (");
        for (int i = 0; i < ids.size(); i++) sql.append(i == 0 ? "?" : ", ?");
        sql.append(')');
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < ids.size(); i++) ps.setString(i + 1, type.name() + "." + ids.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    sequenceChecked = true;
                    return ids;
                }
            }
        }
        long max = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Identifiers.quote(Identifiers.ID_COLUMN) + " FROM " + targetTable
                + " WHERE " + Identifiers.quote(Identifiers.ID_COLUMN) + " LIKE ?")) {
            ps.setString(1, type.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) max = Math.max(max, generatedNumber(rs.getString(1)));
            }
        }
        reservePast(c, max);
        sequenceChecked = true;
        return nextIds(c, n);
    }

    private List<Long> nextIds(Connection c, long n) throws SQLException {
        if (n == 0) return List.of();
        List<Long> out = new ArrayList<>((int) n);
        try (PreparedStatement ps = c.prepareStatement(dialect.nextValues(Identifiers.sequence(type.name())))) {
            ps.setLong(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static boolean hasStandard(Feature f) {
        for (String key : StandardProperties.ALL) if (f.get(key) != null) return true;
        return false;
    }

    private static int executeUpdate(Connection c, SqlFragment statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            Jdbc.bind(ps, statement.params(), 1);
            return ps.executeUpdate();
        }
    }
}
