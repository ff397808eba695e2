package org.tidemark.layers.ows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tidemark.core.error.GeoServiceException;

/**
 * OGC KVP request parameters (OGC 06-121r9 §11.2): names are case-insensitive, values are not. Repeated
 * names keep the first value. Stored-query parameters arrive as ordinary parameters too.
 */
public final class KvpParams {
    private final Map<String, String> values;

    private KvpParams(Map<String, String> values) { this.values = values; }

    public static KvpParams of(Map<String, String[]> servletParams) {
        Map<String, String> m = new LinkedHashMap<>();
        servletParams.forEach((k, v) -> {
            if (v != null && v.length > 0) m.putIfAbsent(k.toUpperCase(Locale.ROOT), v[0]);
        });
        return new KvpParams(m);
    }

    public static KvpParams ofSingle(Map<String, String> params) {
        Map<String, String> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.putIfAbsent(k.toUpperCase(Locale.ROOT), v));
        return new KvpParams(m);
    }

    /** The value, or null when absent or blank. */
    public String get(String name) {
        String v = values.get(name.toUpperCase(Locale.ROOT));
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The value, or the value of the alternative name, or null. */
    public String get(String name, String alternative) {
        String v = get(name);
        return v != null ? v : get(alternative);
    }

    public boolean has(String name) { return values.containsKey(name.toUpperCase(Locale.ROOT)); }

    /** The value; {@code MissingParameterValue} when absent. */
    public String require(String name) {
        String v = get(name);
        if (v == null) throw GeoServiceException.missing(name);
        return v;
    }

    /** A non-negative integer, or the default when absent. */
    public long nonNegative(String name, long dflt) {
        String v = get(name);
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid(name, name + " must be a non-negative integer: " + v);
        }
    }

    public Set<String> names() { return Collections.unmodifiableSet(values.keySet()); }

    public Map<String, String> asMap() { return Collections.unmodifiableMap(values); }
}
