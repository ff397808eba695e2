package org.tidemark.core.style;

import java.util.List;
import org.tidemark.core.feature.Feature;

/**
 * A value computed from a feature (SE 1.1 §11.1.3 ParameterValueType, restricted to literals, property
 * names and concatenation of mixed content, which covers labels and rotations as users write them).
 */
public sealed interface Expression {

    Object evaluate(Feature feature);

    default String asText(Feature feature) {
        Object v = evaluate(feature);
        if (v == null) return null;
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
        return v.toString();
    }

    /** The value as a number, or {@code fallback} when absent or not numeric. */
    default double asDouble(Feature feature, double fallback) {
        Object v = evaluate(feature);
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    record Literal(Object value) implements Expression {
        public Object evaluate(Feature feature) { return value; }
    }

    record Property(String name) implements Expression {
        public Object evaluate(Feature feature) { return feature == null ? null : feature.get(name); }
    }

    /** Mixed content: the parts' texts joined; null when every property part is null. */
    record Concat(List<Expression> parts) implements Expression {
        public Concat { parts = List.copyOf(parts); }

        public Object evaluate(Feature feature) {
            StringBuilder sb = new StringBuilder();
            boolean any = false;
            for (Expression p : parts) {
                String t = p.asText(feature);
                if (t != null) {
                    sb.append(t);
                    if (!(p instanceof Literal)) any = true;
                }
            }
            return any || parts.stream().allMatch(p -> p instanceof Literal) ? sb.toString() : null;
        }
    }

    static Expression literal(Object v) { return new Literal(v); }

    static Expression property(String name) { return new Property(name); }
}
