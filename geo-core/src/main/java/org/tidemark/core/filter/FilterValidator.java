package org.tidemark.core.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.Attribute;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.core.feature.FeatureType;

/**
 * Checks a parsed {@link Filter} against a feature type before it reaches a store: every property must be a
 * queryable of the type (OGC API Features Part 3 §6.3 "Queryables": an unknown property is a 400), used the way
 * its type allows (spatial predicates on the geometry, temporal predicates on DATE/DATETIME attributes, LIKE on
 * strings), compared with literals of a compatible type (CQL2 §7.5: both sides of a comparison have the same
 * type), and — when an access decision masks attributes — visible to the caller. Hidden attributes are reported
 * exactly like unknown ones, so their existence does not leak.
 *
 * <p>Errors are {@code GeoServiceException.invalid("filter", ...)}.
 */
public final class FilterValidator {
    public static final String LOCATOR = "filter";

    private FilterValidator() {}

    /** Validates against all attributes of the type. */
    public static void validate(Filter filter, FeatureType type) {
        validate(filter, type, null);
    }

    /**
     * Validates against the type's attributes restricted to {@code visibleAttributes} (null for all; the geometry
     * is always visible).
     */
    public static void validate(Filter filter, FeatureType type, Set<String> visibleAttributes) {
        new Check(type, visibleAttributes).filter(filter);
    }

    /** The property names a filter refers to, in first-use order. */
    public static Set<String> properties(Filter filter) {
        Set<String> out = new LinkedHashSet<>();
        collect(filter, out);
        return out;
    }

    private static void collect(Filter f, Set<String> out) {
        switch (f) {
            case Filter.And and -> and.operands().forEach(o -> collect(o, out));
            case Filter.Or or -> or.operands().forEach(o -> collect(o, out));
            case Filter.Not not -> collect(not.operand(), out);
            case Filter.Comparison c -> out.add(c.property());
            case Filter.Like l -> out.add(l.property());
            case Filter.In in -> out.add(in.property());
            case Filter.Between b -> out.add(b.property());
            case Filter.IsNull n -> out.add(n.property());
            case Filter.Spatial s -> { if (s.property() != null) out.add(s.property()); }
            case Filter.Temporal t -> out.add(t.property());
            case Filter.Include i -> { }
            case Filter.Exclude e -> { }
            case Filter.ResourceId r -> { }
        }
    }

    private record Check(FeatureType type, Set<String> visible) {
        void filter(Filter f) {
            switch (f) {
                case Filter.And and -> and.operands().forEach(this::filter);
                case Filter.Or or -> or.operands().forEach(this::filter);
                case Filter.Not not -> filter(not.operand());
                case Filter.Comparison c -> literal(scalar(c.property(), "a comparison"), c.value());
                case Filter.Like l -> {
                    Attribute a = scalar(l.property(), "LIKE");
                    if (a.type() != AttributeType.STRING) {
                        throw invalid("LIKE needs a string property, but '" + l.property() + "' is " + a.type().xsdType());
                    }
                }
                case Filter.In in -> {
                    Attribute a = scalar(in.property(), "IN");
                    in.values().forEach(v -> literal(a, v));
                }
                case Filter.Between b -> {
                    Attribute a = scalar(b.property(), "BETWEEN");
                    literal(a, b.lower());
                    literal(a, b.upper());
                }
                case Filter.IsNull n -> {
                    if (!n.property().equals(type.geometryName())) attribute(n.property());
                }
                case Filter.Spatial s -> {
                    if (s.property() != null && !s.property().equals(type.geometryName())) {
                        if (isVisibleAttribute(s.property())) {
                            throw invalid("'" + s.property() + "' is not a geometry; spatial predicates apply to '"
                                    + type.geometryName() + "'");
                        }
                        throw unknown(s.property());
                    }
                }
                case Filter.Temporal t -> {
                    Attribute a = attribute(t.property());
                    if (!a.type().isTemporal()) {
                        throw invalid("temporal predicates need a date or date-time property, but '" + t.property()
                                + "' is " + a.type().xsdType());
                    }
                }
                case Filter.Include i -> { }
                case Filter.Exclude e -> { }
                case Filter.ResourceId r -> { }
            }
        }

        private Attribute scalar(String property, String what) {
            if (property.equals(type.geometryName())) {
                throw invalid("'" + property + "' is the geometry and cannot be used in " + what + "; use a spatial predicate");
            }
            return attribute(property);
        }

        private Attribute attribute(String property) {
            if (!isVisibleAttribute(property)) throw unknown(property);
            return type.attribute(property).orElseThrow();
        }

        private boolean isVisibleAttribute(String property) {
            return type.attribute(property).isPresent() && (visible == null || visible.contains(property));
        }

        private void literal(Attribute a, Object v) {
            if (v == null) return;
            boolean ok = switch (a.type()) {
                case STRING -> v instanceof CharSequence;
                case INTEGER, LONG, DOUBLE -> v instanceof Number || v instanceof String s && isNumber(s);
                case BOOLEAN -> v instanceof Boolean || v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"));
                case DATE, DATETIME -> Values.isTemporal(v) || v instanceof String s && isTime(s);
            };
            if (!ok) {
                throw invalid("'" + a.name() + "' is " + a.type().xsdType() + " and cannot be compared with "
                        + (v instanceof String s ? "'" + s + "'" : String.valueOf(v)));
            }
        }

        private static boolean isNumber(String s) {
            try {
                new java.math.BigDecimal(s.strip());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static boolean isTime(String s) {
            try {
                Values.toInstant(s);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private GeoServiceException unknown(String property) {
            List<String> queryables = type.attributes().stream().map(Attribute::name)
                    .filter(n -> visible == null || visible.contains(n)).collect(Collectors.toList());
            queryables.add(0, type.geometryName());
            return invalid("unknown property '" + property + "' in the filter; the queryables of " + type.name()
                    + " are " + String.join(", ", queryables));
        }

        private static GeoServiceException invalid(String message) {
            return GeoServiceException.invalid(LOCATOR, message);
        }
    }
}
