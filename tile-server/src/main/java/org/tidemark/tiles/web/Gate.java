package org.tidemark.tiles.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
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
        AccessDecision d = policy.decide(principal(request), layer);
        if (d == null || !d.visible()) throw GeoServiceException.notFound(layer, "No such layer: " + layer);
        return d;
    }

    /** A short key identifying what a decision lets one see. */
    public static String key(AccessDecision d) {
        String s = d.attributes() + "|" + d.rowFilter() + "|" + (d.spatialLimit() == null ? "" : d.spatialLimit().toText());
        return ContentHash.of(s.getBytes(StandardCharsets.UTF_8));
    }
}
