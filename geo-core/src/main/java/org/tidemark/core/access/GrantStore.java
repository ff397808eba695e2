package org.tidemark.core.access;

import java.util.List;
import java.util.Optional;

/** Persistence port for grants and access requests (JDBC implementation in {@code data}). */
public interface GrantStore {
    /** All grants (active or not) on a layer. */
    List<Grant> grants(String layer);

    List<Grant> allGrants();

    Optional<Grant> grant(String id);

    /** Stores a new grant or replaces one with the same id; returns it with its id. */
    Grant save(Grant grant);

    List<AccessRequest> requests();

    Optional<AccessRequest> request(String id);

    AccessRequest save(AccessRequest request);

    /** A counter that changes on every write (lets the gate cache decisions safely). */
    long version();
}
