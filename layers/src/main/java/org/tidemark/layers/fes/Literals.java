package org.tidemark.layers.fes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.tidemark.core.feature.AttributeType;
import org.tidemark.layers.ows.OwsException;

/**
 * Turns literal text from filters and KVP values into the Java value of the attribute it is compared with
 * (so stores bind typed parameters): numbers for numeric attributes, {@link LocalDate}/{@link Instant}
 * for temporal ones. Unparseable literals are client errors.
 */
public final class Literals {
    private Literals() {}

    public static Object typed(String text, AttributeType type, String locator) {
        if (text == null) return null;
        String t = text.trim();
        if (type == null) return text;
        try {
            return switch (type) {
                case STRING -> text;
                case INTEGER -> {
                    long v = parseIntegral(t);
                    yield v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
                }
                case LONG -> parseIntegral(t);
                case DOUBLE -> Double.parseDouble(t);
                case BOOLEAN -> {
                    if (t.equalsIgnoreCase("true") || t.equals("1")) yield Boolean.TRUE;
                    if (t.equalsIgnoreCase("false") || t.equals("0")) yield Boolean.FALSE;
                    throw new NumberFormatException();
                }
                case DATE -> t.length() > 10 ? LocalDate.ofInstant(instant(t), ZoneOffset.UTC) : LocalDate.parse(t);
                case DATETIME -> instant(t);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw OwsException.invalidValue(locator, "'" + abbreviate(t) + "' is not a valid " + type.xsdType());
        }
    }

    private static long parseIntegral(String t) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(t);
            if (d != Math.rint(d)) throw e;
            return (long) d;
        }
    }

    /** An ISO 8601 instant: with offset, or local (taken as UTC), or a date (its start, UTC). */
    public static Instant instant(String t) {
        String s = t.trim();
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }

    static String abbreviate(String s) { return s.length() > 60 ? s.substring(0, 60) + "…" : s; }
}
