package org.tidemark.core.filter.cql2;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.cql2.Cql2Builder.Lit;
import org.tidemark.core.filter.cql2.Cql2Builder.Operand;
import org.tidemark.core.filter.cql2.Cql2Builder.Prop;
import org.tidemark.core.filter.cql2.JsonReader.Node;

/**
 * Parses the CQL2 JSON encoding (OGC 21-065r2 §8.3 and its JSON Schema; {@code filter-lang=cql2-json}) into a
 * {@link Filter}, with exactly the semantics and the requirements classes of {@link Cql2TextParser} (the two share
 * {@link Cql2Builder}). Geometry literals are GeoJSON geometry objects or {@code {"bbox": [...]}} in the
 * {@code filter-crs}; {@code s_dwithin}/{@code s_beyond} with a third argument in metres are a Tidemark extension.
 *
 * <p>Uses a small built-in JSON reader (no JSON library in geo-core). Limits: {@value Cql2TextParser#MAX_LENGTH}
 * characters and {@value Cql2TextParser#MAX_DEPTH} levels of filter nesting. Errors are
 * {@code GeoServiceException.invalid("filter", ...)} ending with the 1-based character position of the offending
 * JSON value.
 */
public final class Cql2JsonParser {
    private static final GeometryFactory GF = new GeometryFactory();

    private final Cql2Builder build;

    private Cql2JsonParser(CrsReference filterCrs) {
        this.build = new Cql2Builder(filterCrs);
    }

    /** Parses a filter whose geometry literals are CRS84 longitude/latitude. */
    public static Filter parse(String json) {
        return parse(json, null);
    }

    /** Parses a filter whose geometry literals are in {@code filterCrs} (its wire axis order), or CRS84 when null. */
    public static Filter parse(String json, CrsReference filterCrs) {
        if (json == null || json.isBlank()) throw Cql2Builder.error("empty filter", 0);
        if (json.length() > Cql2TextParser.MAX_LENGTH) {
            throw Cql2Builder.error("filter longer than " + Cql2TextParser.MAX_LENGTH + " characters", Cql2TextParser.MAX_LENGTH);
        }
        Node root = JsonReader.read(json, 2 * Cql2TextParser.MAX_DEPTH + 8);
        return new Cql2JsonParser(filterCrs).expression(root, 0);
    }

    private Filter expression(Node n, int depth) {
        if (depth > Cql2TextParser.MAX_DEPTH) {
            throw Cql2Builder.error("nesting deeper than " + Cql2TextParser.MAX_DEPTH + " levels", n.pos());
        }
        if (n.value() instanceof Boolean b) return b ? Filter.INCLUDE : Filter.EXCLUDE;
        Map<String, Node> obj = n.object();
        if (obj == null || !obj.containsKey("op")) throw Cql2Builder.error("expected a CQL2 expression object with \"op\"", n.pos());
        String op = opName(obj.get("op"));
        List<Node> args = args(obj, n);
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) throw Cql2Builder.error("\"" + op + "\" needs at least two arguments", n.pos());
                List<Filter> fs = new ArrayList<>();
                for (Node a : args) fs.add(expression(a, depth + 1));
                return op.equals("and") ? new Filter.And(fs) : new Filter.Or(fs);
            }
            case "not" -> {
                arity(op, args, 1, n);
                return new Filter.Not(expression(args.get(0), depth + 1));
            }
            case "=", "<>", "<", "<=", ">", ">=" -> {
                arity(op, args, 2, n);
                return build.comparison(comparisonOperator(op), operand(args.get(0)), operand(args.get(1)), n.pos());
            }
            case "like" -> {
                arity(op, args, 2, n);
                return build.like(operand(args.get(0)), operand(args.get(1)), false, n.pos());
            }
            case "between" -> {
                arity(op, args, 3, n);
                return build.between(operand(args.get(0)), operand(args.get(1)), operand(args.get(2)), false, n.pos());
            }
            case "in" -> {
                arity(op, args, 2, n);
                List<Node> list = args.get(1).array();
                if (list == null) throw Cql2Builder.error("the second argument of \"in\" must be an array", args.get(1).pos());
                List<Operand> values = new ArrayList<>();
                for (Node v : list) values.add(operand(v));
                return build.in(operand(args.get(0)), values, false, n.pos());
            }
            case "isnull" -> {
                arity(op, args, 1, n);
                return build.isNull(operand(args.get(0)), false, n.pos());
            }
            default -> { }
        }
        if (Cql2Builder.isSpatialFunction(op)) return spatial(op, args, n);
        if (Cql2Builder.isTemporalFunction(op)) {
            arity(op, args, 2, n);
            return build.temporal(op, operand(args.get(0)), operand(args.get(1)), n.pos());
        }
        if (op.startsWith("a_")) throw Cql2Builder.error("array functions are not supported", n.pos());
        throw Cql2Builder.error("\"" + obj.get("op").value() + "\" is not a supported predicate", n.pos());
    }

    private Filter spatial(String op, List<Node> args, Node n) {
        double distance = 0;
        if (op.equals("s_dwithin") || op.equals("s_beyond")) {
            if (args.size() != 3 && args.size() != 4) throw Cql2Builder.error("\"" + op + "\" needs 3 or 4 arguments", n.pos());
            Node d = args.get(2);
            if (!(d.value() instanceof BigDecimal b) || b.signum() < 0) {
                throw Cql2Builder.error(op + " needs a non-negative distance", d.pos());
            }
            String unit = null;
            if (args.size() == 4) {
                if (!(args.get(3).value() instanceof String u)) throw Cql2Builder.error("expected a distance unit", args.get(3).pos());
                unit = u;
            }
            distance = Cql2Builder.metres(b.doubleValue(), unit, d.pos());
        } else {
            arity(op, args, 2, n);
        }
        return build.spatial(op, operand(args.get(0)), operand(args.get(1)), distance, n.pos());
    }

    private static String opName(Node op) {
        if (!(op.value() instanceof String s)) throw Cql2Builder.error("\"op\" must be a string", op.pos());
        return s.toLowerCase(Locale.ROOT);
    }

    private static List<Node> args(Map<String, Node> obj, Node n) {
        Node args = obj.get("args");
        if (args == null || args.array() == null) throw Cql2Builder.error("expected an \"args\" array", n.pos());
        return args.array();
    }

    private static void arity(String op, List<Node> args, int count, Node n) {
        if (args.size() != count) {
            throw Cql2Builder.error("\"" + op + "\" needs " + count + " argument" + (count == 1 ? "" : "s"), n.pos());
        }
    }

    private static ComparisonOperator comparisonOperator(String op) {
        return switch (op) {
            case "=" -> ComparisonOperator.EQ;
            case "<>" -> ComparisonOperator.NE;
            case "<" -> ComparisonOperator.LT;
            case "<=" -> ComparisonOperator.LE;
            case ">" -> ComparisonOperator.GT;
            default -> ComparisonOperator.GE;
        };
    }

    // ----- operands ----------------------------------------------------------------------------------

    private Operand operand(Node n) {
        Object v = n.value();
        if (v instanceof String s) return new Lit(s, false, n.pos());
        if (v instanceof Boolean b) return new Lit(b, false, n.pos());
        if (v instanceof BigDecimal d) return new Lit(number(d), false, n.pos());
        if (v == null) throw Cql2Builder.error("null is not a CQL2 literal (use isNull)", n.pos());
        Map<String, Node> obj = n.object();
        if (obj == null) throw Cql2Builder.error("arrays are only allowed as the list of \"in\"", n.pos());
        if (obj.containsKey("property")) {
            if (!(obj.get("property").value() instanceof String name) || name.isEmpty()) {
                throw Cql2Builder.error("\"property\" must be a non-empty string", n.pos());
            }
            return new Prop(name, false, n.pos());
        }
        if (obj.containsKey("op")) return function(obj, n);
        if (obj.containsKey("date")) return new Lit(Cql2Builder.date(string(obj.get("date")), n.pos()), false, n.pos());
        if (obj.containsKey("timestamp")) {
            return new Lit(Cql2Builder.timestamp(string(obj.get("timestamp")), n.pos()), false, n.pos());
        }
        if (obj.containsKey("interval")) return interval(obj.get("interval"), n);
        // A GeoJSON geometry may carry its own "bbox" member (RFC 7946 §5): "type" decides first.
        if (obj.containsKey("type")) return build.geometry(geoJson(n), n.pos());
        if (obj.containsKey("bbox")) return build.bbox(numbers(obj.get("bbox")), n.pos());
        throw Cql2Builder.error("unknown CQL2 JSON operand " + obj.keySet(), n.pos());
    }

    private Operand function(Map<String, Node> obj, Node n) {
        String op = opName(obj.get("op"));
        if (op.equals("casei")) {
            List<Node> args = args(obj, n);
            arity(op, args, 1, n);
            Operand inner = operand(args.get(0));
            if (inner instanceof Prop p) return new Prop(p.name(), true, n.pos());
            if (inner instanceof Lit l && l.value() instanceof String) return new Lit(l.value(), true, n.pos());
            throw Cql2Builder.error("casei applies to a property or a string", inner.pos());
        }
        if (op.equals("accenti")) throw Cql2Builder.error("accenti (accent-insensitive comparison) is not supported", n.pos());
        if (List.of("+", "-", "*", "/", "^", "%", "div").contains(op)) {
            throw Cql2Builder.error("arithmetic expressions are not supported", n.pos());
        }
        throw Cql2Builder.error("function \"" + obj.get("op").value() + "\" is not supported", n.pos());
    }

    private static Object number(BigDecimal d) {
        if (d.scale() == 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) return d.longValueExact();
        return d.doubleValue();
    }

    private static String string(Node n) {
        if (!(n.value() instanceof String s)) throw Cql2Builder.error("expected a string", n.pos());
        return s;
    }

    private static Operand interval(Node bounds, Node n) {
        List<Node> list = bounds.array();
        if (list == null || list.size() != 2) throw Cql2Builder.error("\"interval\" needs an array of two bounds", bounds.pos());
        for (Node b : list) {
            if (!(b.value() instanceof String)) {
                throw Cql2Builder.error("interval bounds must be date or timestamp strings or \"..\""
                        + " (interval-valued properties are not supported)", b.pos());
            }
        }
        return Cql2Builder.interval(Cql2Builder.intervalBound(string(list.get(0)), false, list.get(0).pos()),
                Cql2Builder.intervalBound(string(list.get(1)), true, list.get(1).pos()), n.pos());
    }

    private static List<Double> numbers(Node n) {
        List<Node> list = n.array();
        if (list == null) throw Cql2Builder.error("expected an array of numbers", n.pos());
        List<Double> out = new ArrayList<>();
        for (Node x : list) {
            if (!(x.value() instanceof BigDecimal d)) throw Cql2Builder.error("expected a number", x.pos());
            out.add(d.doubleValue());
        }
        return out;
    }

    // ----- GeoJSON geometry (RFC 7946 §3.1) --------------------------------------------------------------

    private static Geometry geoJson(Node n) {
        Map<String, Node> obj = n.object();
        String type = string(obj.get("type"));
        try {
            if (type.equals("GeometryCollection")) {
                Node gs = obj.get("geometries");
                if (gs == null || gs.array() == null) throw Cql2Builder.error("GeometryCollection needs \"geometries\"", n.pos());
                List<Geometry> parts = new ArrayList<>();
                for (Node g : gs.array()) {
                    if (g.object() == null || !g.object().containsKey("type")) throw Cql2Builder.error("expected a geometry", g.pos());
                    parts.add(geoJson(g));
                }
                return GF.createGeometryCollection(parts.toArray(Geometry[]::new));
            }
            Node c = obj.get("coordinates");
            if (c == null) throw Cql2Builder.error(type + " needs \"coordinates\"", n.pos());
            return switch (type) {
                case "Point" -> GF.createPoint(position(c));
                case "LineString" -> GF.createLineString(positions(c));
                case "Polygon" -> polygon(c);
                case "MultiPoint" -> GF.createMultiPoint(each(c).stream().map(p -> GF.createPoint(position(p))).toArray(Point[]::new));
                case "MultiLineString" -> GF.createMultiLineString(
                        each(c).stream().map(l -> GF.createLineString(positions(l))).toArray(LineString[]::new));
                case "MultiPolygon" -> GF.createMultiPolygon(each(c).stream().map(Cql2JsonParser::polygon).toArray(Polygon[]::new));
                default -> throw Cql2Builder.error("unknown geometry type " + type, n.pos());
            };
        } catch (IllegalArgumentException e) {
            throw Cql2Builder.error("invalid " + type + " (" + e.getMessage() + ")", n.pos());
        }
    }

    private static Polygon polygon(Node rings) {
        List<Node> list = each(rings);
        if (list.isEmpty()) return GF.createPolygon();
        LinearRing shell = GF.createLinearRing(positions(list.get(0)));
        LinearRing[] holes = list.subList(1, list.size()).stream().map(r -> GF.createLinearRing(positions(r))).toArray(LinearRing[]::new);
        return GF.createPolygon(shell, holes);
    }

    private static List<Node> each(Node n) {
        List<Node> list = n.array();
        if (list == null) throw Cql2Builder.error("expected an array of coordinates", n.pos());
        return list;
    }

    private static Coordinate[] positions(Node n) {
        return each(n).stream().map(Cql2JsonParser::position).toArray(Coordinate[]::new);
    }

    private static Coordinate position(Node n) {
        List<Double> xyz = numbers(n);
        if (xyz.size() < 2 || xyz.size() > 3) throw Cql2Builder.error("a position needs 2 or 3 numbers", n.pos());
        return xyz.size() == 2 ? new Coordinate(xyz.get(0), xyz.get(1)) : new Coordinate(xyz.get(0), xyz.get(1), xyz.get(2));
    }
}
