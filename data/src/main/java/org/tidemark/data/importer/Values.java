package org.tidemark.data.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.tidemark.core.feature.AttributeType;

/** Converts values read from files to the Java types of {@link AttributeType}; infers a column's type. */
final class Values {
    private Values() {}

    /** The type of one value, or null for null. */
    static AttributeType typeOf(Object v) {
        if (v == null) return null;
        if (v instanceof Boolean) return AttributeType.BOOLEAN;
        if (v instanceof Integer) return AttributeType.INTEGER;
        if (v instanceof Long l) return l == l.intValue() ? AttributeType.INTEGER : AttributeType.LONG;
        if (v instanceof Number) return AttributeType.DOUBLE;
        if (v instanceof LocalDate) return AttributeType.DATE;
        if (v instanceof Instant) return AttributeType.DATETIME;
        return AttributeType.STRING;
    }

    /** The narrowest type that holds values of both types. */
    static AttributeType widen(AttributeType a, AttributeType b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        if (a.isNumeric() && b.isNumeric()) {
            if (a == AttributeType.DOUBLE || b == AttributeType.DOUBLE) return AttributeType.DOUBLE;
            return AttributeType.LONG;
        }
        return AttributeType.STRING;
    }

    /** Converts a value to the attribute type; throws IllegalArgumentException when it cannot. */
    static Object convert(Object v, AttributeType type) {
        if (v == null) return null;
        try {
            return switch (type) {
                case STRING -> v.toString();
                case INTEGER -> {
                    long l = v instanceof Number n ? exactLong(n) : Long.parseLong(v.toString().trim());
                    if (l != (int) l) throw new IllegalArgumentException("out of integer range");
                    yield (int) l;
                }
                case LONG -> v instanceof Number n ? exactLong(n) : Long.parseLong(v.toString().trim());
                case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
                case BOOLEAN -> v instanceof Boolean b ? b : parseBoolean(v.toString());
                case DATE -> v instanceof LocalDate d ? d : LocalDate.parse(v.toString().trim());
                case DATETIME -> v instanceof Instant i ? i : OffsetDateTime.parse(v.toString().trim()).toInstant();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("value \"" + v + "\" is not a " + type.xsdType());
        }
    }

    private static long exactLong(Number n) {
        double d = n.doubleValue();
        if (n instanceof Double || n instanceof Float) {
            if (d != Math.rint(d)) throw new IllegalArgumentException("not an integer");
            return (long) d;
        }
        return n.longValue();
    }

    private static boolean parseBoolean(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("1") || t.equals("yes")) return true;
        if (t.equals("false") || t.equals("0") || t.equals("no")) return false;
        throw new IllegalArgumentException("not a boolean");
    }
}
