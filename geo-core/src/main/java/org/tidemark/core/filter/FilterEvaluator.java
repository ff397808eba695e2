package org.tidemark.core.filter;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.TopologyException;
import org.tidemark.core.feature.Feature;

/**
 * Evaluates a {@link Filter} against one feature in memory, with the same semantics the SQL encoders
 * have (the store contract tests compare both):
 * <ul>
 *   <li>SQL three-valued logic (ISO 9075 §8.1): a comparison, {@code LIKE}, {@code IN}, {@code BETWEEN},
 *       spatial or temporal predicate on a null value (or with a null literal) is <em>unknown</em>;
 *       {@code NOT unknown} is unknown, {@code false AND unknown} is false, {@code true OR unknown} is true;
 *       a feature matches only when the whole filter is true. {@code IS NULL} is never unknown.</li>
 *   <li>values compare as {@link Values} defines (numbers across types, strings, instants and dates,
 *       typed conversion of string literals); values of unrelated types are <em>unknown</em>, not an error;</li>
 *   <li>{@code LIKE} (CQL2 §7.7 / FES 2.0 §7.7.3.4 after translation): {@code %} any sequence, {@code _} one
 *       character, {@code \} escapes the next character; case-insensitive unless {@code matchCase};</li>
 *   <li>spatial predicates use JTS (DE-9IM, OGC 06-103r4 §6.1.15); {@code BBOX} is envelope intersection
 *       like PostGIS {@code &&}; {@code DWITHIN}/{@code BEYOND} are metres on the ellipsoid
 *       ({@link GeodesicDistance});</li>
 *   <li>temporal predicates compare the property's instant with an instant or an interval as
 *       {@link TemporalOperator} documents.</li>
 * </ul>
 * The geometry a spatial predicate tests is the property's value when it is a geometry, else the feature's
 * geometry (the feature record does not know its geometry attribute's name).
 */
public final class FilterEvaluator {
    private static final int PATTERN_CACHE_SIZE = 256;
    private static final Map<String, Pattern> PATTERNS = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                    return size() > PATTERN_CACHE_SIZE;
                }
            });

    /** SQL truth values. */
    enum Truth {
        TRUE, FALSE, UNKNOWN;

        static Truth of(boolean b) { return b ? TRUE : FALSE; }

        Truth not() { return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN; }
    }

    private FilterEvaluator() {}

    /** Whether the filter is true for the feature (false and unknown do not match). */
    public static boolean matches(Filter filter, Feature feature) {
        return evaluate(filter, feature) == Truth.TRUE;
    }

    static Truth evaluate(Filter filter, Feature f) {
        return switch (filter) {
            case Filter.Include i -> Truth.TRUE;
            case Filter.Exclude e -> Truth.FALSE;
            case Filter.And and -> {
                Truth result = Truth.TRUE;
                for (Filter op : and.operands()) {
                    Truth t = evaluate(op, f);
                    if (t == Truth.FALSE) yield Truth.FALSE;
                    if (t == Truth.UNKNOWN) result = Truth.UNKNOWN;
                }
                yield result;
            }
            case Filter.Or or -> {
                Truth result = Truth.FALSE;
                for (Filter op : or.operands()) {
                    Truth t = evaluate(op, f);
                    if (t == Truth.TRUE) yield Truth.TRUE;
                    if (t == Truth.UNKNOWN) result = Truth.UNKNOWN;
                }
                yield result;
            }
            case Filter.Not not -> evaluate(not.operand(), f).not();
            case Filter.Comparison c -> comparison(f.get(c.property()), c.operator(), c.value(), c.matchCase());
            case Filter.Like like -> like(f.get(like.property()), like.pattern(), like.matchCase());
            case Filter.In in -> in(f.get(in.property()), in);
            case Filter.Between b -> between(f.get(b.property()), b.lower(), b.upper());
            case Filter.IsNull n -> Truth.of(f.get(n.property()) == null);
            case Filter.Spatial s -> spatial(geometryOf(f, s.property()), s);
            case Filter.Temporal t -> temporal(f.get(t.property()), t);
            case Filter.ResourceId r -> Truth.of(r.ids().contains(f.id()));
        };
    }

    private static Truth comparison(Object value, ComparisonOperator op, Object literal, boolean matchCase) {
        if (value == null || literal == null) return Truth.UNKNOWN;
        int c;
        try {
            c = Values.compare(value, literal, matchCase);
        } catch (IllegalArgumentException incomparable) {
            return Truth.UNKNOWN;
        }
        return Truth.of(switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        });
    }

    private static Truth like(Object value, String pattern, boolean matchCase) {
        if (value == null || pattern == null) return Truth.UNKNOWN;
        return Truth.of(likePattern(pattern, matchCase).matcher(value.toString()).matches());
    }

    /** The regular expression for a CQL2 LIKE pattern ({@code %}, {@code _}, {@code \} escape). */
    static Pattern likePattern(String pattern, boolean matchCase) {
        String key = (matchCase ? "c:" : "i:") + pattern;
        Pattern p = PATTERNS.get(key);
        if (p == null) {
            StringBuilder regex = new StringBuilder(pattern.length() + 8);
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char ch = pattern.charAt(i);
                if (ch == '\\' && i + 1 < pattern.length()) {
                    literal.append(pattern.charAt(++i));
                } else if (ch == '%' || ch == '_') {
                    if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                    regex.append(ch == '%' ? ".*" : ".");
                } else {
                    literal.append(ch);
                }
            }
            if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
            int flags = Pattern.DOTALL | (matchCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            p = Pattern.compile(regex.toString(), flags);
            PATTERNS.put(key, p);
        }
        return p;
    }

    private static Truth in(Object value, Filter.In in) {
        if (value == null) return Truth.UNKNOWN;
        Truth result = Truth.FALSE;
        for (Object candidate : in.values()) {
            Truth t = comparison(value, ComparisonOperator.EQ, candidate, true);
            if (t == Truth.TRUE) return Truth.TRUE;
            if (t == Truth.UNKNOWN) result = Truth.UNKNOWN;
        }
        return result;
    }

    private static Truth between(Object value, Object lower, Object upper) {
        Truth low = comparison(value, ComparisonOperator.GE, lower, true);
        if (low == Truth.FALSE) return Truth.FALSE;
        Truth high = comparison(value, ComparisonOperator.LE, upper, true);
        if (high == Truth.FALSE) return Truth.FALSE;
        return low == Truth.TRUE && high == Truth.TRUE ? Truth.TRUE : Truth.UNKNOWN;
    }

    private static Geometry geometryOf(Feature f, String property) {
        if (property != null && f.get(property) instanceof Geometry g) return g;
        return f.geometry();
    }

    private static Truth spatial(Geometry g, Filter.Spatial s) {
        if (g == null || g.isEmpty()) return Truth.UNKNOWN;
        Geometry lit = s.geometry();
        try {
            return spatial(g, lit, s);
        } catch (TopologyException invalidGeometry) {
            // An invalid (e.g. self-intersecting) polygon has no defined DE-9IM relation: unknown, like a null.
            return Truth.UNKNOWN;
        }
    }

    private static Truth spatial(Geometry g, Geometry lit, Filter.Spatial s) {
        return Truth.of(switch (s.operator()) {
            case BBOX -> g.getEnvelopeInternal().intersects(lit.getEnvelopeInternal());
            case INTERSECTS -> g.intersects(lit);
            case DISJOINT -> g.disjoint(lit);
            case EQUALS -> g.equalsTopo(lit);
            case TOUCHES -> g.touches(lit);
            case CROSSES -> g.crosses(lit);
            case WITHIN -> g.within(lit);
            case CONTAINS -> g.contains(lit);
            case OVERLAPS -> g.overlaps(lit);
            case DWITHIN -> GeodesicDistance.within(g, lit, s.distanceMetres());
            case BEYOND -> !GeodesicDistance.within(g, lit, s.distanceMetres());
        });
    }

    private static Truth temporal(Object value, Filter.Temporal t) {
        if (value == null || t.start() == null) return Truth.UNKNOWN;
        Instant v;
        try {
            v = Values.toInstant(value);
        } catch (IllegalArgumentException e) {
            return Truth.UNKNOWN;
        }
        Instant start = t.start();
        Instant end = t.end();
        if (end == null) {
            return Truth.of(switch (t.operator()) {
                case BEFORE -> v.isBefore(start);
                case AFTER -> v.isAfter(start);
                case TEQUALS, INTERSECTS -> v.equals(start);
                case DURING -> false;
            });
        }
        return Truth.of(switch (t.operator()) {
            case BEFORE -> v.isBefore(start);
            case AFTER -> v.isAfter(end);
            case TEQUALS -> v.equals(start) && v.equals(end);
            case DURING -> v.isAfter(start) && v.isBefore(end);
            case INTERSECTS -> !v.isBefore(start) && !v.isAfter(end);
        });
    }
}
