package org.tidemark.data.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.tidemark.core.error.GeoServiceException;
import org.tidemark.core.feature.AttributeType;

/**
 * Converts values between the Java types of {@link AttributeType} (plus the loose forms parsers and
 * importers produce: numbers of any width, ISO-8601 strings) and JDBC parameters. A value that cannot
 * be read as the attribute's type is a client error, never an SQL error.
 */
final class Values {
    private Values() {}

    /** The attribute's Java value for {@code value}, or a {@link GeoServiceException} naming {@code locator}. */
    static Object coerce(AttributeType type, Object value, String locator) {
        if (value == null) return null;
        try {
            return switch (type) {
                case STRING -> value instanceof String s ? s : String.valueOf(value);
                case INTEGER -> Math.toIntExact(integral(value));
                case LONG -> integral(value);
                case DOUBLE -> number(value).doubleValue();
                case BOOLEAN -> bool(value);
                case DATE -> date(value);
                case DATETIME -> instant(value);
            };
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw GeoServiceException.invalid(locator, "value is not a valid " + type.xsdType() + ": " + abbreviate(value));
        }
    }

    /**
     * A literal for comparing with a column of {@code type}: like {@link #coerce} but a fractional
     * number stays fractional against an integer column ({@code floors < 2.5} keeps its meaning).
     */
    static Object comparable(AttributeType type, Object value, String locator) {
        if (value == null) return null;
        if (type == AttributeType.INTEGER || type == AttributeType.LONG) {
            Number n = number(value, locator, type);
            if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
                double d = n.doubleValue();
                if (d != Math.rint(d) || Double.isInfinite(d)) return d;
            }
            return coerce(AttributeType.LONG, value, locator);
        }
        return coerce(type, value, locator);
    }

    /** The JDBC parameter for an attribute value (null becomes a {@link TypedNull}). */
    static Object toJdbc(AttributeType type, Object javaValue) {
        if (javaValue == null) return new TypedNull(sqlType(type));
        if (javaValue instanceof Instant i) return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        return javaValue;
    }

    static int sqlType(AttributeType type) {
        return switch (type) {
            case STRING -> Types.VARCHAR;
            case INTEGER -> Types.INTEGER;
            case LONG -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case DATETIME -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }

    private static Number number(Object value, String locator, AttributeType type) {
        try {
            return number(value);
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid(locator, "value is not a valid " + type.xsdType() + ": " + abbreviate(value));
        }
    }

    private static Number number(Object value) {
        if (value instanceof Number n) return n;
        if (value instanceof String s) {
            String t = s.strip();
            if (t.matches("[+-]?\\d{1,18}")) return Long.parseLong(t);
            return Double.parseDouble(t);
        }
        throw new NumberFormatException();
    }

    private static long integral(Object value) {
        Number n = number(value);
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) return n.longValue();
        if (n instanceof BigInteger b) return b.longValueExact();
        if (n instanceof BigDecimal b) return b.longValueExact();
        double d = n.doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) throw new ArithmeticException();
        return (long) d;
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) return b;
        String s = String.valueOf(value).strip();
        if (s.equalsIgnoreCase("true") || s.equals("1")) return true;
        if (s.equalsIgnoreCase("false") || s.equals("0")) return false;
        throw new NumberFormatException();
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) return d;
        if (value instanceof java.sql.Date d) return d.toLocalDate();
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof Date) {
            return instant(value).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        String s = String.valueOf(value).strip();
        return s.length() > 10 ? instant(s).atOffset(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(s);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof ZonedDateTime z) return z.toInstant();
        if (value instanceof LocalDate d) return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (value instanceof Date d) return d.toInstant();
        String s = String.valueOf(value).strip();
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        return OffsetDateTime.parse(s).toInstant();
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
