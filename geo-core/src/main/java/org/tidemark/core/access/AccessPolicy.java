package org.tidemark.core.access;

/**
 * The one gate every read path asks (WMS, WFS, OGC API, tiles, feature info, SSE, exports, reports).
 * Providers decide who sees which layers, attributes and rows; this port answers for one principal and
 * one layer. Implementations must be fast (called per request) and fail closed.
 */
public interface AccessPolicy {
    AccessDecision decide(Principal principal, String layerName);

    /**
     * A number that changes whenever a decision of this instance may have changed (a grant issued,
     * narrowed or revoked here). Holders of long-lived decisions, such as open live streams, ask again
     * when it moves; changes made by another instance are seen within the policy's own refresh interval.
     */
    default long version() { return 0L; }

    /** A policy that lets everyone read everything: for tests and single-department deployments. */
    AccessPolicy OPEN = (p, l) -> AccessDecision.READ_ALL;
}
