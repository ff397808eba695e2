package org.tidemark.layers.wms;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tidemark.core.error.GeoServiceException;

/** KVP parameters with case-insensitive names (WMS 1.3.0 §6.8.1); the first value of a repeated name wins. */
final class WmsParams {
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    WmsParams(Map<String, String[]> raw) {
        raw.forEach((k, v) -> {
            if (v != null && v.length > 0 && !values.containsKey(k)) values.put(k, v[0]);
        });
    }

    static WmsParams of(Map<String, String> single) {
        Map<String, String[]> m = new java.util.LinkedHashMap<>();
        single.forEach((k, v) -> m.put(k, new String[] {v}));
        return new WmsParams(m);
    }

    String get(String name) {
        String v = values.get(name);
        return v == null ? null : v.trim();
    }

    String get(String name, String fallback) {
        String v = get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    String required(String name) {
        String v = get(name);
        if (v == null || v.isEmpty()) throw GeoServiceException.missing(name);
        return v;
    }

    int integer(String name) {
        String v = required(name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw GeoServiceException.invalid(name, name + " must be an integer: " + v);
        }
    }

    int integer(String name, int fallback) {
        String v = get(name);
        return v == null || v.isEmpty() ? fallback : integer(name);
    }

    boolean bool(String name) {
        String v = get(name);
        return v != null && v.toUpperCase(Locale.ROOT).equals("TRUE");
    }

    /** All parameters, names upper-cased and sorted: a canonical form of the request for cache keys. */
    String canonical() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k.toUpperCase(java.util.Locale.ROOT)).append('=').append(v).append('&'));
        return sb.toString();
    }

    boolean has(String name) { return get(name) != null && !get(name).isEmpty(); }
}
