package org.tidemark.core.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.Date;
import java.util.Locale;

/**
 * Comparison of attribute values with the semantics the SQL stores have, shared by {@link FilterEvaluator}
 * and in-memory sorting:
 * <ul>
 *   <li>numbers compare by value across {@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal}...
 *       ({@code 1 = 1.0});</li>
 *   <li>strings compare by UTF-16 code units (the {@code C} collation), case-insensitively on request;</li>
 *   <li>temporal values compare as instants: a {@link LocalDate} is midnight UTC, a {@link LocalDateTime}
 *       is read in UTC;</li>
 *   <li>a string literal compared with a number or a time is first converted to that type (so FES literals,
 *       which carry no type, work);</li>
 *   <li>booleans order {@code false < true}.</li>
 * </ul>
 * Values of unrelated types are incomparable ({@link #compare} throws {@link IllegalArgumentException}).
 */
public final class Values {
    /** Ascending order with nulls last (PostgreSQL's default for {@code ORDER BY ... ASC}). */
    public static final Comparator<Object> NULLS_LAST = (a, b) -> {
        if (a == null) return b == null ? 0 : 1;
        if (b == null) return -1;
        return compare(a, b, true);
    };

    private Values() {}

    /** Compares two non-null values; throws {@link IllegalArgumentException} when they are incomparable. */
    public static int compare(Object a, Object b, boolean matchCase) {
        if (a instanceof Number x && b instanceof Number y) return compareNumbers(x, y);
        if (a instanceof Number x && b instanceof String s) return compareNumbers(x, parseNumber(s));
        if (a instanceof String s && b instanceof Number y) return compareNumbers(parseNumber(s), y);
        if (isTemporal(a) || isTemporal(b)) return toInstant(a).compareTo(toInstant(b));
        if (a instanceof Boolean x && b instanceof Boolean y) return Boolean.compare(x, y);
        if (a instanceof Boolean x && b instanceof String s) return Boolean.compare(x, parseBoolean(s));
        if (a instanceof String s && b instanceof Boolean y) return Boolean.compare(parseBoolean(s), y);
        if (a instanceof CharSequence || b instanceof CharSequence) {
            if (!(a instanceof CharSequence && b instanceof CharSequence)) {
                throw new IllegalArgumentException("cannot compare " + typeName(a) + " with " + typeName(b));
            }
            String x = a.toString();
            String y = b.toString();
            return matchCase ? x.compareTo(y) : x.toLowerCase(Locale.ROOT).compareTo(y.toLowerCase(Locale.ROOT));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable<?>) {
            @SuppressWarnings("unchecked")
            Comparable<Object> c = (Comparable<Object>) a;
            return c.compareTo(b);
        }
        throw new IllegalArgumentException("cannot compare " + typeName(a) + " with " + typeName(b));
    }

    /** Equality under {@link #compare} (so {@code 1 = 1.0}); false for incomparable values. */
    public static boolean equal(Object a, Object b, boolean matchCase) {
        if (a == null || b == null) return false;
        try {
            return compare(a, b, matchCase) == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isTemporal(Object v) {
        return v instanceof Instant || v instanceof LocalDate || v instanceof LocalDateTime
                || v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof Date;
    }

    /**
     * A value as an instant: instants, dates (midnight UTC), date-times (UTC when without offset),
     * {@link Date}s and ISO 8601 strings ({@code 2024-05-01}, {@code 2024-05-01T08:00:00Z}).
     */
    public static Instant toInstant(Object v) {
        if (v instanceof Instant i) return i;
        if (v instanceof LocalDate d) return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (v instanceof LocalDateTime d) return d.toInstant(ZoneOffset.UTC);
        if (v instanceof OffsetDateTime d) return d.toInstant();
        if (v instanceof ZonedDateTime d) return d.toInstant();
        if (v instanceof Date d) return d.toInstant();
        if (v instanceof CharSequence s) return parseInstant(s.toString().strip());
        throw new IllegalArgumentException("not a time: " + typeName(v));
    }

    private static Instant parseInstant(String s) {
        try {
            if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            TemporalAccessor t = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(s,
                    OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 time: " + s, e);
        }
    }

    private static BigDecimal parseNumber(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s, e);
        }
    }

    private static boolean parseBoolean(String s) {
        if ("true".equalsIgnoreCase(s.strip())) return true;
        if ("false".equalsIgnoreCase(s.strip())) return false;
        throw new IllegalArgumentException("not a boolean: " + s);
    }

    private static int compareNumbers(Number x, Number y) {
        if (isNonFinite(x) || isNonFinite(y)) return Double.compare(x.doubleValue(), y.doubleValue());
        if (isIntegral(x) && isIntegral(y)) return Long.compare(x.longValue(), y.longValue());
        return toBigDecimal(x).compareTo(toBigDecimal(y));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static boolean isNonFinite(Number n) {
        return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal b) return b;
        if (n instanceof BigInteger b) return new BigDecimal(b);
        if (isIntegral(n)) return BigDecimal.valueOf(n.longValue());
        if (n instanceof Float f) return new BigDecimal(f.toString());
        return BigDecimal.valueOf(n.doubleValue());
    }

    private static String typeName(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
