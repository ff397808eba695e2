package org.tidemark.core.filter.cql2;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.crs.Crs;
import org.tidemark.core.crs.CrsReference;
import org.tidemark.core.crs.Reprojector;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.filter.ComparisonOperator;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.SpatialOperator;
import org.tidemark.core.filter.TemporalOperator;

/**
 * Builds {@link Filter} nodes from CQL2 operands, shared by the text and JSON parsers so both encodings
 * have exactly the same semantics (OGC 21-065r2):
 * <ul>
 *   <li>comparisons, LIKE, BETWEEN, IN and IS NULL need a property on one side and literals on the other
 *       (property-property and literal-literal comparisons — the optional "Property-Property Comparisons"
 *       class — are rejected); a literal on the left is turned around ({@code 5 < floors} is {@code floors > 5});</li>
 *   <li>{@code CASEI} (§7.4 "Case-insensitive Comparison") makes the comparison or LIKE case-insensitive;
 *       {@code ACCENTI}, functions, arithmetic and array operators are rejected as unsupported;</li>
 *   <li>spatial functions (§7.8, §7.9) need a geometry property and a literal, in either order
 *       ({@code S_WITHIN(literal, geom)} is {@code S_CONTAINS(geom, literal)}); literals are transformed
 *       from the filter CRS to longitude/latitude on CGCS2000;</li>
 *   <li>temporal functions (§7.10) compare an instant-valued property with a {@code DATE}, {@code TIMESTAMP} or
 *       {@code INTERVAL} literal; a {@code DATE} is the whole day in UTC (its first to its last instant), except
 *       in T_EQUALS where it is midnight so that it equals a DATE attribute's value; an interval's end
 *       {@code DATE} is the last instant of that day, {@code '..'} is open. T_AFTER, T_BEFORE, T_DURING, T_EQUALS, T_INTERSECTS, T_DISJOINT
 *       and T_CONTAINS(interval, property) are supported; the relations that need interval-valued properties
 *       (T_MEETS, T_OVERLAPS, T_STARTS, ...) are rejected.</li>
 * </ul>
 * Every error is {@code GeoServiceException.invalid("filter", "... at position N")}.
 */
final class Cql2Builder {
    static final String LOCATOR = "filter";
    private static final GeometryFactory GF = new GeometryFactory();

    /** A CQL2 operand: what can stand on either side of a predicate. */
    sealed interface Operand {
        int pos();
    }

    record Prop(String name, boolean casei, int pos) implements Operand {}

    /** A scalar literal: String, Long, Double, BigDecimal, Boolean, Instant or LocalDate. */
    record Lit(Object value, boolean casei, int pos) implements Operand {}

    record Geom(Geometry geometry, int pos) implements Operand {}

    /** An interval literal; bounds are never null ({@link Instant#MIN}/{@link Instant#MAX} when open). */
    record Interval(Instant start, Instant end, int pos) implements Operand {}

    private final CrsReference filterCrs;

    Cql2Builder(CrsReference filterCrs) {
        this.filterCrs = filterCrs;
    }

    static GeoServiceException error(String message, int pos) {
        return GeoServiceException.invalid(LOCATOR, "Invalid CQL2 filter: " + message + " at position " + (pos + 1));
    }

    // ----- comparisons -------------------------------------------------------------------------------

    Filter comparison(ComparisonOperator op, Operand left, Operand right, int pos) {
        if (left instanceof Prop p && right instanceof Lit l) {
            return new Filter.Comparison(p.name(), op, l.value(), !(p.casei() || l.casei()));
        }
        if (left instanceof Lit l && right instanceof Prop p) {
            return new Filter.Comparison(p.name(), flip(op), l.value(), !(p.casei() || l.casei()));
        }
        throw unsupportedOperands("comparison", left, right, pos);
    }

    private static ComparisonOperator flip(ComparisonOperator op) {
        return switch (op) {
            case LT -> ComparisonOperator.GT;
            case GT -> ComparisonOperator.LT;
            case LE -> ComparisonOperator.GE;
            case GE -> ComparisonOperator.LE;
            default -> op;
        };
    }

    Filter like(Operand left, Operand pattern, boolean not, int pos) {
        Prop p = property(left, "LIKE");
        if (!(pattern instanceof Lit l) || !(l.value() instanceof String s)) {
            throw error("the LIKE pattern must be a character literal", pattern.pos());
        }
        Filter f = new Filter.Like(p.name(), s, !(p.casei() || l.casei()));
        return not ? new Filter.Not(f) : f;
    }

    Filter between(Operand value, Operand lower, Operand upper, boolean not, int pos) {
        Prop p = property(value, "BETWEEN");
        Object lo = scalar(lower, "BETWEEN");
        Object hi = scalar(upper, "BETWEEN");
        Filter f = new Filter.Between(p.name(), lo, hi);
        return not ? new Filter.Not(f) : f;
    }

    Filter in(Operand value, List<Operand> list, boolean not, int pos) {
        Prop p = property(value, "IN");
        if (list.isEmpty()) throw error("IN needs at least one value", pos);
        List<Object> values = new ArrayList<>(list.size());
        boolean casei = p.casei();
        for (Operand o : list) {
            values.add(scalar(o, "IN"));
            casei |= ((Lit) o).casei();
        }
        Filter f;
        if (casei) {
            List<Filter> ors = new ArrayList<>();
            for (Object v : values) ors.add(new Filter.Comparison(p.name(), ComparisonOperator.EQ, v, false));
            f = ors.size() == 1 ? ors.get(0) : new Filter.Or(ors);
        } else {
            f = new Filter.In(p.name(), values);
        }
        return not ? new Filter.Not(f) : f;
    }

    Filter isNull(Operand value, boolean not, int pos) {
        Prop p = property(value, "IS NULL");
        Filter f = new Filter.IsNull(p.name());
        return not ? new Filter.Not(f) : f;
    }

    private static Prop property(Operand o, String what) {
        if (o instanceof Prop p) return p;
        throw error(what + " needs a property name on its left side (literal-literal comparisons are not supported)",
                o.pos());
    }

    private static Object scalar(Operand o, String what) {
        if (o instanceof Lit l) return l.value();
        if (o instanceof Prop) {
            throw error(what + " values must be literals (property-property comparisons are not supported)", o.pos());
        }
        throw error(what + " values must be scalar literals", o.pos());
    }

    private static GeoServiceException unsupportedOperands(String what, Operand a, Operand b, int pos) {
        if (a instanceof Prop && b instanceof Prop) {
            return error("property-property " + what + "s are not supported", pos);
        }
        if (a instanceof Lit && b instanceof Lit) return error("literal-literal " + what + "s are not supported", pos);
        return error("a " + what + " needs a property and a scalar literal", pos);
    }

    // ----- spatial -------------------------------------------------------------------------------------

    /**
     * A spatial predicate; {@code functionName} is the CQL2 name ({@code S_INTERSECTS}...). {@code distance} is
     * used by the {@code S_DWITHIN}/{@code S_BEYOND} extension only.
     */
    Filter spatial(String functionName, Operand a, Operand b, double distance, int pos) {
        SpatialOperator op = spatialOperator(functionName, pos);
        if (a instanceof Prop p && b instanceof Geom g) return new Filter.Spatial(op, p.name(), g.geometry(), distance);
        if (a instanceof Geom g && b instanceof Prop p) {
            SpatialOperator swapped = op == SpatialOperator.WITHIN ? SpatialOperator.CONTAINS
                    : op == SpatialOperator.CONTAINS ? SpatialOperator.WITHIN : op;
            return new Filter.Spatial(swapped, p.name(), g.geometry(), distance);
        }
        if (a instanceof Prop && b instanceof Prop) throw error(functionName + " between two properties is not supported", pos);
        throw error(functionName + " needs a geometry property and a geometry literal", pos);
    }

    static SpatialOperator spatialOperator(String name, int pos) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "S_INTERSECTS" -> SpatialOperator.INTERSECTS;
            case "S_EQUALS" -> SpatialOperator.EQUALS;
            case "S_DISJOINT" -> SpatialOperator.DISJOINT;
            case "S_TOUCHES" -> SpatialOperator.TOUCHES;
            case "S_WITHIN" -> SpatialOperator.WITHIN;
            case "S_OVERLAPS" -> SpatialOperator.OVERLAPS;
            case "S_CROSSES" -> SpatialOperator.CROSSES;
            case "S_CONTAINS" -> SpatialOperator.CONTAINS;
            case "S_DWITHIN" -> SpatialOperator.DWITHIN;
            case "S_BEYOND" -> SpatialOperator.BEYOND;
            default -> throw error("unknown spatial function " + name, pos);
        };
    }

    static boolean isSpatialFunction(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return n.startsWith("S_") && List.of("S_INTERSECTS", "S_EQUALS", "S_DISJOINT", "S_TOUCHES", "S_WITHIN",
                "S_OVERLAPS", "S_CROSSES", "S_CONTAINS", "S_DWITHIN", "S_BEYOND").contains(n);
    }

    /** Metres for a distance and unit of the {@code S_DWITHIN} extension. */
    static double metres(double distance, String unit, int pos) {
        if (unit == null) return distance;
        return switch (unit.toLowerCase(java.util.Locale.ROOT)) {
            case "m", "meter", "meters", "metre", "metres" -> distance;
            case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> distance * 1000;
            default -> throw error("unknown distance unit '" + unit + "' (use metres or kilometres)", pos);
        };
    }

    /** A geometry literal as written in the filter CRS, turned into lon/lat on CGCS2000. */
    Geom geometry(Geometry written, int pos) {
        if (filterCrs == null) return new Geom(written, pos);
        Geometry g = filterCrs.swapsAxes() ? Reprojector.swapAxes(written) : written;
        try {
            return new Geom(Reprojector.transform(g, filterCrs.crs(), Crs.cgcs2000()), pos);
        } catch (GeoServiceException e) {
            throw error("the geometry cannot be transformed from " + filterCrs.spelling() + " (" + e.getMessage() + ")", pos);
        }
    }

    /** A {@code BBOX(west, south, [minz,] east, north [, maxz])} literal in the filter CRS, as a lon/lat polygon. */
    Geom bbox(List<Double> numbers, int pos) {
        double x1;
        double y1;
        double x2;
        double y2;
        if (numbers.size() == 4) {
            x1 = numbers.get(0); y1 = numbers.get(1); x2 = numbers.get(2); y2 = numbers.get(3);
        } else if (numbers.size() == 6) {
            x1 = numbers.get(0); y1 = numbers.get(1); x2 = numbers.get(3); y2 = numbers.get(4);
        } else {
            throw error("BBOX needs 4 or 6 numbers, not " + numbers.size(), pos);
        }
        boolean swap = filterCrs != null && filterCrs.swapsAxes();
        double minY = swap ? x1 : y1;
        double maxY = swap ? x2 : y2;
        if (minY > maxY) throw error("BBOX south bound is greater than its north bound", pos);
        Envelope box = new Envelope(x1, x2, y1, y2);
        Geometry polygon = GF.toGeometry(box);
        if (filterCrs == null || Crs.cgcs2000().equals(filterCrs.crs()) || filterCrs.crs().isGeographic()) {
            return geometry(polygon, pos);
        }
        // A projected box has curved edges in lon/lat: densify before transforming.
        double step = Math.max(box.getWidth(), box.getHeight()) / 32;
        return geometry(step > 0 ? Densifier.densify(polygon, step) : polygon, pos);
    }

    static Geometry point(double x, double y) {
        return GF.createPoint(new Coordinate(x, y));
    }

    // ----- temporal ------------------------------------------------------------------------------------

    Filter temporal(String functionName, Operand a, Operand b, int pos) {
        String name = functionName.toUpperCase(java.util.Locale.ROOT);
        if (a instanceof Prop p && isTime(b)) return temporal(name, p.name(), b, false, pos);
        if (isTime(a) && b instanceof Prop p) return temporal(name, p.name(), a, true, pos);
        if (a instanceof Interval || b instanceof Interval || a instanceof Prop || b instanceof Prop) {
            throw error(name + " needs an instant-valued property and a DATE, TIMESTAMP or INTERVAL literal"
                    + " (interval-valued properties are not supported)", pos);
        }
        throw error(name + " needs a property and a temporal literal", pos);
    }

    private static boolean isTime(Operand o) {
        return o instanceof Interval || o instanceof Lit l && (l.value() instanceof Instant || l.value() instanceof LocalDate);
    }

    /** {@code reversed}: the literal came first ({@code T_AFTER(literal, property)}). */
    private static Filter temporal(String name, String property, Operand literal, boolean reversed, int pos) {
        String relation = reversed ? converse(name, pos) : name;
        Instant start;
        Instant end;
        if (literal instanceof Interval i) {
            start = i.start();
            end = i.end();
        } else if (((Lit) literal).value() instanceof LocalDate day && !relation.equals("T_EQUALS")) {
            // A DATE is a granule of one day (CQL2 §7.10): T_INTERSECTS means "on that day", T_AFTER "after it".
            start = toInstant(day);
            end = day.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusNanos(1);
        } else {
            start = toInstant(((Lit) literal).value());
            end = null;
        }
        Instant last = end == null ? start : end;
        TemporalOperator eq = TemporalOperator.TEQUALS;
        return switch (relation) {
            case "T_AFTER" -> new Filter.Temporal(TemporalOperator.AFTER, property, start, end);
            case "T_BEFORE" -> new Filter.Temporal(TemporalOperator.BEFORE, property, start, end);
            case "T_EQUALS" -> new Filter.Temporal(eq, property, start, end);
            case "T_INTERSECTS" -> new Filter.Temporal(TemporalOperator.INTERSECTS, property, start, end);
            case "T_DISJOINT" -> new Filter.Not(new Filter.Temporal(TemporalOperator.INTERSECTS, property, start, end));
            case "T_DURING" -> {
                if (end == null) throw error("T_DURING needs an INTERVAL literal", literal.pos());
                yield new Filter.Temporal(TemporalOperator.DURING, property, start, end);
            }
            // An instant v is the degenerate interval [v, v] in the definitions of CQL2 §7.10 (Allen's relations):
            case "T_MEETS" -> start.equals(Instant.MIN) ? Filter.EXCLUDE : new Filter.Temporal(eq, property, start, null);
            case "T_METBY" -> last.equals(Instant.MAX) ? Filter.EXCLUDE : new Filter.Temporal(eq, property, last, null);
            case "T_STARTS" -> end == null || start.equals(Instant.MIN) ? Filter.EXCLUDE
                    : end.equals(Instant.MAX) ? new Filter.Temporal(eq, property, start, null)
                    : new Filter.And(List.of(new Filter.Temporal(eq, property, start, null),
                            new Filter.Temporal(TemporalOperator.BEFORE, property, end, null)));
            case "T_FINISHES" -> end == null || end.equals(Instant.MAX) ? Filter.EXCLUDE
                    : start.equals(Instant.MIN) ? new Filter.Temporal(eq, property, end, null)
                    : new Filter.And(List.of(new Filter.Temporal(eq, property, end, null),
                            new Filter.Temporal(TemporalOperator.AFTER, property, start, null)));
            // An instant cannot contain, overlap, be overlapped by, be started or finished by another interval.
            case "T_CONTAINS", "T_OVERLAPS", "T_OVERLAPPEDBY", "T_STARTEDBY", "T_FINISHEDBY" -> Filter.EXCLUDE;
            default -> throw error("unknown temporal function " + name, pos);
        };
    }

    /** The relation with its arguments exchanged (T_AFTER(a, b) = T_BEFORE(b, a), T_CONTAINS(i, p) = T_DURING(p, i)). */
    private static String converse(String name, int pos) {
        return switch (name) {
            case "T_AFTER" -> "T_BEFORE";
            case "T_BEFORE" -> "T_AFTER";
            case "T_CONTAINS" -> "T_DURING";
            case "T_DURING" -> "T_CONTAINS";
            case "T_MEETS" -> "T_METBY";
            case "T_METBY" -> "T_MEETS";
            case "T_STARTS" -> "T_STARTEDBY";
            case "T_STARTEDBY" -> "T_STARTS";
            case "T_FINISHES" -> "T_FINISHEDBY";
            case "T_FINISHEDBY" -> "T_FINISHES";
            case "T_OVERLAPS" -> "T_OVERLAPPEDBY";
            case "T_OVERLAPPEDBY" -> "T_OVERLAPS";
            case "T_EQUALS", "T_INTERSECTS", "T_DISJOINT" -> name;
            default -> throw error("unknown temporal function " + name, pos);
        };
    }

    static boolean isTemporalFunction(String name) {
        return List.of("T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS", "T_FINISHEDBY",
                "T_FINISHES", "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY",
                "T_STARTS").contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    static Instant toInstant(Object v) {
        if (v instanceof Instant i) return i;
        return ((LocalDate) v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    // ----- literals ---------------------------------------------------------------------------------------

    /** Parses the text of {@code DATE('...')}. */
    static LocalDate date(String text, int pos) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw error("invalid DATE '" + text + "' (expected YYYY-MM-DD)", pos);
        }
    }

    /** Parses the text of {@code TIMESTAMP('...')} (RFC 3339 with Z or an offset). */
    static Instant timestamp(String text, int pos) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw error("invalid TIMESTAMP '" + text + "' (expected YYYY-MM-DDThh:mm:ss[.s]Z)", pos);
        }
    }

    /** One bound of an {@code INTERVAL}: {@code '..'}, a date or a timestamp. */
    static Instant intervalBound(String text, boolean isEnd, int pos) {
        if ("..".equals(text) || text.isEmpty()) return isEnd ? Instant.MAX : Instant.MIN;
        if (text.length() == 10) {
            LocalDate d = date(text, pos);
            return isEnd ? d.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusNanos(1)
                    : d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        return timestamp(text, pos);
    }

    static Interval interval(Instant start, Instant end, int pos) {
        if (start.isAfter(end)) throw error("INTERVAL start is after its end", pos);
        return new Interval(start, end, pos);
    }

    /** A numeric literal: a Long when integral and in range, else a Double. */
    static Object number(String text, int pos) {
        try {
            if (text.matches("[+-]?\\d+")) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException tooLong) {
                    // falls through to a double
                }
            }
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) throw error("number out of range: " + text, pos);
            return d;
        } catch (NumberFormatException e) {
            throw error("invalid number " + text, pos);
        }
    }
}
