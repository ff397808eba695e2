package org.tidemark.core.access;

/**
 * The one gate every read path asks (WMS, WFS, OGC API, tiles, feature info, SSE, exports, reports).
 * Providers decide who sees which layers, attributes and rows; this port answers for one principal and
 * one layer. Implementations must be fast (called per request) and fail closed.
 */
public interface AccessPolicy {
    AccessDecision decide(Principal principal, String layerName);

    /** A policy that lets everyone read everything: for tests and single-department deployments. */
    AccessPolicy OPEN = (p, l) -> AccessDecision.READ_ALL;
}
