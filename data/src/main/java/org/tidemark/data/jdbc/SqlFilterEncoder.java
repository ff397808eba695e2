package org.tidemark.data.jdbc;

import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;

/**
 * Encodes a {@link Filter} into an SQL {@code WHERE} condition for one feature type, shared by every
 * {@link SqlDialect}. Literal values are always bound parameters; property names are looked up in the
 * {@link FeatureType} and the schema's own spelling is quoted, so no text from a request ever becomes SQL.
 *
 * <p>Semantics follow the in-memory {@code FilterEvaluator}: SQL three-valued logic for nulls
 * (OGC 09-026r2 FES 2.0 §7.7 / CQL2 OGC 21-065 §7.5), LIKE with {@code %}, {@code _} and {@code \}
 * escapes (CQL2 §7.8), case-insensitive matching by lower-casing both sides, spatial relations of
 * OGC 06-103r4 §6.1.15 (DE-9IM), DWithin in metres on the ellipsoid, temporal relations of CQL2 §7.11.
 */
final class SqlFilterEncoder {
    private static final SqlFragment TRUE = SqlFragment.of("1=1");
    private static final SqlFragment FALSE = SqlFragment.of("1=0");

    private final FeatureType type;
    private final SqlDialect dialect;
    private final GeometryFactory factory;

    SqlFilterEncoder(FeatureType type, SqlDialect dialect) {
        this.type = type;
        this.dialect = dialect;
        this.factory = Geometries.factory(type.storageSrid());
    }

    SqlFragment encode(Filter filter) {
        return switch (filter) {
            case Filter.Include i -> TRUE;
            case Filter.Exclude e -> FALSE;
            case Filter.And and -> junction(and.operands(), " AND ", TRUE);
            case Filter.Or or -> junction(or.operands(), " OR ", FALSE);
            case Filter.Not not -> new SqlFragment.Builder().sql("NOT (").append(encode(not.operand())).sql(")").build();
            case Filter.Comparison c -> comparison(c);
            case Filter.Like l -> like(l);
            case Filter.In in -> in(in);
            case Filter.Between b -> between(b);
            case Filter.IsNull n -> SqlFragment.of(column(n.property()) + " IS NULL");
            case Filter.Spatial s -> spatial(s);
            case Filter.Temporal t -> temporal(t);
            case Filter.ResourceId r -> resourceId(r);
        };
    }

    /**
     * The condition "the geometry's bounding box meets {@code bbox}" ({@code &&}, answered by the spatial
     * index): the semantics of FES 2.0 {@code BBOX} as PostGIS and the in-memory evaluator implement it.
     */
    SqlFragment bbox(Envelope bbox) {
        byte[] box = Geometries.toWkb(factory.toGeometry(bbox));
        return SqlFragment.of(Identifiers.quote(type.geometryName()) + " && " + literalGeometrySql(), box);
    }

    private SqlFragment junction(List<Filter> operands, String op, SqlFragment empty) {
        if (operands.isEmpty()) return empty;
        var b = new SqlFragment.Builder().sql("(");
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) b.sql(op);
            b.sql("(").append(encode(operands.get(i))).sql(")");
        }
        return b.sql(")").build();
    }

    private SqlFragment comparison(Filter.Comparison c) {
        Attribute a = attribute(c.property());
        Object literal = Values.comparable(a.type(), c.value(), c.property());
        String col = Identifiers.quote(a.name());
        var b = new SqlFragment.Builder();
        if (a.type() == AttributeType.STRING && !c.matchCase()) {
            return b.sql("LOWER(").sql(col).sql(") ").sql(c.operator().symbol()).sql(" LOWER(")
                    .param(Values.toJdbc(a.type(), literal)).sql(")").build();
        }
        return b.sql(col).sql(" ").sql(c.operator().symbol()).sql(" ").param(param(a, literal)).build();
    }

    private SqlFragment like(Filter.Like l) {
        Attribute a = attribute(l.property());
        if (l.pattern() == null) return SqlFragment.of("(" + Identifiers.quote(a.name()) + " IS NULL AND 1=0)");
        String col = a.type() == AttributeType.STRING
                ? Identifiers.quote(a.name())
                : "CAST(" + Identifiers.quote(a.name()) + " AS VARCHAR)";
        var b = new SqlFragment.Builder();
        String pattern = sqlLikePattern(l.pattern());
        if (l.matchCase()) {
            b.sql(col).sql(" LIKE ").param(pattern);
        } else {
            b.sql("LOWER(").sql(col).sql(") LIKE LOWER(").param(pattern).sql(")");
        }
        return b.sql(" ESCAPE '\\'").build();
    }

    /**
     * The CQL2 pattern in the form both databases accept with {@code ESCAPE '\'}: an escaped ordinary
     * character becomes that character, a trailing lone backslash a literal backslash.
     */
    static String sqlLikePattern(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length() + 4);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch != '\\') {
                sb.append(ch);
            } else if (i + 1 == pattern.length()) {
                sb.append("\\\\");
            } else {
                char next = pattern.charAt(++i);
                if (next == '%' || next == '_' || next == '\\') sb.append('\\');
                sb.append(next);
            }
        }
        return sb.toString();
    }

    private SqlFragment in(Filter.In in) {
        Attribute a = attribute(in.property());
        if (in.values().isEmpty()) return FALSE;
        var b = new SqlFragment.Builder().sql(Identifiers.quote(a.name())).sql(" IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) b.sql(", ");
            b.param(param(a, Values.comparable(a.type(), in.values().get(i), in.property())));
        }
        return b.sql(")").build();
    }

    private SqlFragment between(Filter.Between bt) {
        Attribute a = attribute(bt.property());
        return new SqlFragment.Builder().sql(Identifiers.quote(a.name())).sql(" BETWEEN ")
                .param(param(a, Values.comparable(a.type(), bt.lower(), bt.property())))
                .sql(" AND ")
                .param(param(a, Values.comparable(a.type(), bt.upper(), bt.property())))
                .build();
    }

    private SqlFragment spatial(Filter.Spatial s) {
        String geom = geometryColumn(s.property());
        String lit = literalGeometrySql();
        byte[] wkb = Geometries.toWkb(withSrid(s.geometry()));
        return switch (s.operator()) {
            case BBOX -> bbox(s.geometry().getEnvelopeInternal());
            case INTERSECTS -> prefiltered(geom, "ST_Intersects", s.geometry(), wkb);
            case WITHIN -> prefiltered(geom, "ST_Within", s.geometry(), wkb);
            case EQUALS -> prefiltered(geom, "ST_Equals", s.geometry(), wkb);
            case TOUCHES -> prefiltered(geom, "ST_Touches", s.geometry(), wkb);
            case CROSSES -> prefiltered(geom, "ST_Crosses", s.geometry(), wkb);
            case OVERLAPS -> prefiltered(geom, "ST_Overlaps", s.geometry(), wkb);
            case CONTAINS -> prefiltered(geom, "ST_Contains", s.geometry(), wkb);
            case DISJOINT -> SqlFragment.of("ST_Disjoint(" + geom + ", " + lit + ")", wkb);
            case DWITHIN -> dwithin(geom, s, wkb);
            case BEYOND -> SqlFragment.of("NOT (" + dialect.geodesicWithin(geom, lit, "?") + ")",
                    wkb, checkedDistance(s));
        };
    }

    /** All relations but disjoint imply intersecting bounding boxes: {@code &&} lets the spatial index answer first. */
    private SqlFragment prefiltered(String geom, String function, Geometry literal, byte[] wkb) {
        byte[] envelope = Geometries.toWkb(factory.toGeometry(literal.getEnvelopeInternal()));
        String lit = literalGeometrySql();
        return SqlFragment.of("(" + geom + " && " + lit + " AND " + function + "(" + geom + ", " + lit + "))",
                envelope, wkb);
    }

    private SqlFragment dwithin(String geom, Filter.Spatial s, byte[] wkb) {
        double metres = checkedDistance(s);
        Envelope reach = Geometries.expandByMetres(s.geometry().getEnvelopeInternal(), metres);
        String lit = literalGeometrySql();
        return SqlFragment.of("(" + geom + " && " + lit + " AND " + dialect.geodesicWithin(geom, lit, "?") + ")",
                Geometries.toWkb(factory.toGeometry(reach)), wkb, metres);
    }

    private static double checkedDistance(Filter.Spatial s) {
        double d = s.distanceMetres();
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw GeoServiceException.invalid("distance", "distance must be a finite number of metres >= 0");
        }
        return d;
    }

    private SqlFragment temporal(Filter.Temporal t) {
        String property = t.property() == null || t.property().isEmpty() ? type.timeAttribute() : t.property();
        if (property == null) throw GeoServiceException.invalid("filter", "type " + type.name() + " has no time attribute");
        Attribute a = attribute(property);
        if (!a.type().isTemporal()) {
            throw GeoServiceException.invalid(property, "temporal operator on a non-temporal property");
        }
        if (t.start() == null) throw GeoServiceException.invalid(property, "temporal literal is missing");
        String col = Identifiers.quote(a.name());
        Instant start = t.start();
        Instant end = t.end() == null ? t.start() : t.end();
        return switch (t.operator()) {
            case BEFORE -> bound(col, "<", a, start, false);
            case AFTER -> bound(col, ">", a, end, false);
            case TEQUALS -> t.end() == null
                    ? bound(col, "=", a, start, false)
                    : and(bound(col, "=", a, start, false), bound(col, "=", a, end, false));
            case DURING -> and(bound(col, ">", a, start, true), bound(col, "<", a, end, true));
            case INTERSECTS -> and(bound(col, ">=", a, start, true), bound(col, "<=", a, end, true));
        };
    }

    /** {@code col op instant}; an open end ({@link Instant#MIN}/{@link Instant#MAX}) only requires a value. */
    private SqlFragment bound(String col, String op, Attribute a, Instant instant, boolean openAllowed) {
        boolean open = instant.equals(Instant.MIN) || instant.equals(Instant.MAX);
        if (open) {
            // no SQL timestamp holds Instant.MIN/MAX: decide here, but stay unknown (null) on a null value
            boolean satisfiable = openAllowed || (op.equals("<") ? instant.equals(Instant.MAX) : op.equals(">") && instant.equals(Instant.MIN));
            return SqlFragment.of(satisfiable ? "(" + col + " = " + col + ")" : "(" + col + " <> " + col + ")");
        }
        return SqlFragment.of(col + " " + op + " ?", param(a, Values.coerce(a.type(), instant, a.name())));
    }

    private static SqlFragment and(SqlFragment x, SqlFragment y) {
        return new SqlFragment.Builder().sql("(").append(x).sql(" AND ").append(y).sql(")").build();
    }

    private SqlFragment resourceId(Filter.ResourceId r) {
        if (r.ids().isEmpty()) return FALSE;
        var b = new SqlFragment.Builder().sql(Identifiers.quote(Identifiers.ID_COLUMN)).sql(" IN (");
        int i = 0;
        for (String id : r.ids().stream().sorted().toList()) {
            if (i++ > 0) b.sql(", ");
            b.param(id);
        }
        return b.sql(")").build();
    }

    private Object param(Attribute a, Object literal) {
        if (literal instanceof Double d && a.type() != AttributeType.DOUBLE) return d;
        if (literal instanceof Long l && a.type() == AttributeType.DOUBLE) return l.doubleValue();
        return Values.toJdbc(a.type(), literal);
    }

    /** The quoted column of an attribute (or the geometry) named in a filter; unknown names are client errors. */
    String column(String property) {
        if (property != null && property.equals(type.geometryName())) return Identifiers.quote(type.geometryName());
        return Identifiers.quote(attribute(property).name());
    }

    Attribute attribute(String property) {
        if (property == null) throw GeoServiceException.invalid("filter", "a property name is missing");
        return type.attribute(property).orElseThrow(() -> GeoServiceException.invalid("filter",
                "unknown property '" + abbreviate(property) + "' of " + type.name()));
    }

    private String geometryColumn(String property) {
        if (property != null && !property.isEmpty() && !property.equals(type.geometryName())) {
            if (type.attribute(property).isPresent()) {
                throw GeoServiceException.invalid("filter", "'" + property + "' is not a geometry property");
            }
            throw GeoServiceException.invalid("filter", "unknown property '" + abbreviate(property) + "' of " + type.name());
        }
        return Identifiers.quote(type.geometryName());
    }

    private String literalGeometrySql() { return dialect.geometryParameter(type.storageSrid()); }

    private Geometry withSrid(Geometry g) {
        if (g.getSRID() == type.storageSrid()) return g;
        Geometry copy = g.copy();
        copy.setSRID(type.storageSrid());
        return copy;
    }

    private static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 60) + "…" : s; }
}
