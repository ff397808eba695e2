package org.tidemark.core.filter.cql2;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.filter.Filter;

/**
 * Writes a {@link Filter} as CQL2 text (OGC 21-065r2 Annex B), for logs, links and tests. The output parses back
 * with {@link Cql2TextParser} to an equal filter, with three exceptions that have no CQL2 form:
 * {@code BBOX} (envelope intersection) is written as {@code S_INTERSECTS(p, BBOX(...))} of the literal's envelope,
 * {@code DWITHIN}/{@code BEYOND} use the {@code S_DWITHIN}/{@code S_BEYOND} extension, and a {@code ResourceId}
 * is written as {@code RESOURCE_ID('a', 'b')}, which is not CQL2 and does not parse.
 */
public final class Cql2TextWriter {
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL",
            "TRUE", "FALSE", "CASEI", "ACCENTI", "DATE", "TIMESTAMP", "INTERVAL", "BBOX", "ENVELOPE", "POINT",
            "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    private Cql2TextWriter() {}

    public static String write(Filter filter) {
        StringBuilder b = new StringBuilder();
        write(filter, b);
        return b.toString();
    }

    private static void write(Filter f, StringBuilder b) {
        switch (f) {
            case Filter.Include i -> b.append("TRUE");
            case Filter.Exclude e -> b.append("FALSE");
            case Filter.And and -> join(and.operands(), " AND ", b);
            case Filter.Or or -> join(or.operands(), " OR ", b);
            case Filter.Not not -> {
                b.append("NOT ");
                nested(not.operand(), b, true);
            }
            case Filter.Comparison c -> {
                boolean casei = !c.matchCase() && c.value() instanceof String;
                property(c.property(), casei, b);
                b.append(' ').append(c.operator().symbol()).append(' ');
                literal(c.value(), casei, b);
            }
            case Filter.Like like -> {
                property(like.property(), !like.matchCase(), b);
                b.append(" LIKE ");
                literal(like.pattern(), !like.matchCase(), b);
            }
            case Filter.In in -> {
                property(in.property(), false, b);
                b.append(" IN (");
                for (int k = 0; k < in.values().size(); k++) {
                    if (k > 0) b.append(", ");
                    literal(in.values().get(k), false, b);
                }
                b.append(')');
            }
            case Filter.Between between -> {
                property(between.property(), false, b);
                b.append(" BETWEEN ");
                literal(between.lower(), false, b);
                b.append(" AND ");
                literal(between.upper(), false, b);
            }
            case Filter.IsNull n -> {
                property(n.property(), false, b);
                b.append(" IS NULL");
            }
            case Filter.Spatial s -> spatial(s, b);
            case Filter.Temporal t -> temporal(t, b);
            case Filter.ResourceId r -> b.append("RESOURCE_ID(").append(r.ids().stream().sorted()
                    .map(Cql2TextWriter::quote).collect(Collectors.joining(", "))).append(')');
        }
    }

    private static void join(List<Filter> operands, String op, StringBuilder b) {
        for (int k = 0; k < operands.size(); k++) {
            if (k > 0) b.append(op);
            nested(operands.get(k), b, false);
        }
    }

    /** Parenthesises AND/OR operands (and anything after NOT) so precedence survives a round trip. */
    private static void nested(Filter f, StringBuilder b, boolean afterNot) {
        boolean parens = f instanceof Filter.And || f instanceof Filter.Or || afterNot && !(f instanceof Filter.Not);
        if (parens) b.append('(');
        write(f, b);
        if (parens) b.append(')');
    }

    private static void spatial(Filter.Spatial s, StringBuilder b) {
        String prop = s.property() == null ? "geom" : s.property();
        String fn = switch (s.operator()) {
            case BBOX, INTERSECTS -> "S_INTERSECTS";
            case DWITHIN -> "S_DWITHIN";
            case BEYOND -> "S_BEYOND";
            default -> "S_" + s.operator().name();
        };
        b.append(fn).append('(');
        property(prop, false, b);
        b.append(", ");
        if (s.operator() == org.tidemark.core.filter.SpatialOperator.BBOX) {
            Envelope e = s.geometry().getEnvelopeInternal();
            b.append("BBOX(").append(number(e.getMinX())).append(", ").append(number(e.getMinY())).append(", ")
                    .append(number(e.getMaxX())).append(", ").append(number(e.getMaxY())).append(')');
        } else {
            b.append(wkt(s.geometry()));
        }
        if (s.operator() == org.tidemark.core.filter.SpatialOperator.DWITHIN
                || s.operator() == org.tidemark.core.filter.SpatialOperator.BEYOND) {
            b.append(", ").append(number(s.distanceMetres()));
        }
        b.append(')');
    }

    /**
     * WKT (ISO 13249-3 / OGC 06-103r4 §7) with every ordinate written as the shortest decimal that reads back as
     * the same double, so a literal survives a round trip exactly (JTS's writer keeps 16 digits only).
     */
    static String wkt(Geometry g) {
        StringBuilder b = new StringBuilder();
        boolean hasZ = false;
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ())) {
                hasZ = true;
                break;
            }
        }
        wkt(g, hasZ, true, b);
        return b.toString();
    }

    private static void wkt(Geometry g, boolean z, boolean tagged, StringBuilder b) {
        if (tagged) b.append(g.getGeometryType().toUpperCase(Locale.ROOT)).append(z ? " Z " : " ");
        if (g.isEmpty()) {
            b.append("EMPTY");
            return;
        }
        switch (g) {
            case Point p -> {
                b.append('(');
                ordinates(p.getCoordinate(), z, b);
                b.append(')');
            }
            case LineString l -> sequence(l.getCoordinates(), z, b);
            case Polygon p -> {
                b.append('(');
                sequence(p.getExteriorRing().getCoordinates(), z, b);
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    b.append(", ");
                    sequence(p.getInteriorRingN(i).getCoordinates(), z, b);
                }
                b.append(')');
            }
            default -> {
                boolean collection = g.getClass() == GeometryCollection.class;
                b.append('(');
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (i > 0) b.append(", ");
                    wkt(g.getGeometryN(i), z, collection, b);
                }
                b.append(')');
            }
        }
    }

    private static void sequence(Coordinate[] cs, boolean z, StringBuilder b) {
        b.append('(');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) b.append(", ");
            ordinates(cs[i], z, b);
        }
        b.append(')');
    }

    private static void ordinates(Coordinate c, boolean z, StringBuilder b) {
        b.append(plain(c.x)).append(' ').append(plain(c.y));
        if (z) b.append(' ').append(plain(Double.isNaN(c.getZ()) ? 0 : c.getZ()));
    }

    private static String plain(double d) {
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static void temporal(Filter.Temporal t, StringBuilder b) {
        String fn = switch (t.operator()) {
            case AFTER -> "T_AFTER";
            case BEFORE -> "T_BEFORE";
            case TEQUALS -> "T_EQUALS";
            case INTERSECTS -> "T_INTERSECTS";
            case DURING -> "T_DURING";
        };
        b.append(fn).append('(');
        property(t.property(), false, b);
        b.append(", ");
        if (t.end() == null) {
            b.append("TIMESTAMP(").append(quote(t.start().toString())).append(')');
        } else {
            b.append("INTERVAL(").append(bound(t.start())).append(", ").append(bound(t.end())).append(')');
        }
        b.append(')');
    }

    private static String bound(Instant i) {
        return i.equals(Instant.MIN) || i.equals(Instant.MAX) ? "'..'" : quote(i.toString());
    }

    private static void property(String name, boolean casei, StringBuilder b) {
        if (casei) b.append("CASEI(");
        if (isPlainIdentifier(name)) {
            b.append(name);
        } else {
            b.append('"').append(name).append('"');
        }
        if (casei) b.append(')');
    }

    static boolean isPlainIdentifier(String name) {
        if (name.isEmpty() || RESERVED.contains(name.toUpperCase(Locale.ROOT))) return false;
        if (name.length() > 2 && name.charAt(1) == '_' && "STA".indexOf(Character.toUpperCase(name.charAt(0))) >= 0) {
            return false; // S_..., T_..., A_... read as function names when followed by '('; quoting is always safe
        }
        if (!Cql2Lexer.isIdentifierStart(name.codePointAt(0))) return false;
        return name.codePoints().allMatch(Cql2Lexer::isIdentifierPart);
    }

    private static void literal(Object v, boolean casei, StringBuilder b) {
        if (casei) b.append("CASEI(");
        switch (v) {
            case null -> b.append("NULL");
            case String s -> b.append(quote(s));
            case Boolean bool -> b.append(bool ? "TRUE" : "FALSE");
            case Instant i -> b.append("TIMESTAMP(").append(quote(i.toString())).append(')');
            case LocalDate d -> b.append("DATE(").append(quote(d.toString())).append(')');
            case BigDecimal d -> b.append(d.toPlainString());
            case Double d -> b.append(number(d));
            case Float d -> b.append(number(d));
            case Number n -> b.append(n);
            default -> b.append(quote(v.toString()));
        }
        if (casei) b.append(')');
    }

    /** The shortest decimal that reads back as the same double ({@code 1.0}, {@code -0.0}, {@code 1.0E-7}). */
    private static String number(double d) {
        return Double.toString(d);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
