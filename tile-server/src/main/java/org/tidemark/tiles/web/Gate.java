package org.tidemark.tiles.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.Principal;
import org.tidemark.core.error.GeoServiceException;

/**
 * The access gate as the tile endpoints use it: the caller is the request attribute named after
 * {@link Principal} (anonymous when absent); a layer the caller may not see does not exist (404, so
 * its existence is not disclosed). Decisions are keyed by a hash so that caches keep one variant per
 * distinct view of a layer.
 */
public final class Gate {
    private Gate() {}

    public static Principal principal(HttpServletRequest request) {
        Object p = request.getAttribute(Principal.class.getName());
        return p instanceof Principal pr ? pr : Principal.ANONYMOUS;
    }

    public static AccessDecision decide(AccessPolicy policy, HttpServletRequest request, String layer) {
        return decide(policy, principal(request), layer);
    }

    /** As {@link #decide(AccessPolicy, HttpServletRequest, String)} for a known principal (seeding). */
    public static AccessDecision decide(AccessPolicy policy, Principal principal, String layer) {
        AccessDecision d = policy.decide(principal, layer);
        if (d == null || !d.visible()) throw GeoServiceException.notFound(layer, "No such layer: " + layer);
        return d;
    }

    /** A short key identifying what a decision lets one see. */
    public static String key(AccessDecision d) {
        if (d == AccessDecision.READ_ALL || d == AccessDecision.FULL) return ALL; // the usual answers, without hashing them
        String k = KEYS.get(d);
        if (k == null) {
            k = describe(d);
            remember(KEYS, d, k);
        }
        return k;
    }

    /** {@link ContentHash} of a string, remembered: tile requests hash the same few view descriptions. */
    public static String hash(String s) {
        String k = HASHES.get(s);
        if (k == null) {
            k = ContentHash.of(s.getBytes(StandardCharsets.UTF_8));
            remember(HASHES, s, k);
        }
        return k;
    }

    // Decisions are values (records of sets, filter ASTs and geometries with value equality), so equal
    // decisions share a key; the maps are bounded by being emptied when full.
    private static final int REMEMBERED = 1024;
    private static final Map<AccessDecision, String> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, String> HASHES = new ConcurrentHashMap<>();

    private static final String ALL = describe(AccessDecision.READ_ALL);

    private static String describe(AccessDecision d) {
        String s = d.attributes() + "|" + d.rowFilter() + "|" + (d.spatialLimit() == null ? "" : d.spatialLimit().toText());
        return ContentHash.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static <K> void remember(Map<K, String> map, K key, String value) {
        if (map.size() >= REMEMBERED) map.clear();
        map.put(key, value);
    }
}
