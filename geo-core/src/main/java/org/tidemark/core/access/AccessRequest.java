package org.tidemark.core.access;

import java.time.Instant;
import java.util.Set;

/**
 * A consumer's application for access to a layer, and its fate. The provider's steward approves
 * (possibly narrowing fields, rows, area and duration) or denies with a reason.
 *
 * @param wantedAttributes requested fields, or null for all
 * @param area             requested area as WKT, or null
 * @param days             requested duration in days (0 = open-ended)
 */
public record AccessRequest(String id, String layer, String requester, String requesterDepartment, String purpose,
                            Set<String> wantedAttributes, String area, int days, Status status, String decidedBy,
                            String reason, String grantId, Instant createdAt, Instant decidedAt) {
    public enum Status { PENDING, APPROVED, DENIED, WITHDRAWN }

    public AccessRequest {
        if (wantedAttributes != null) wantedAttributes = Set.copyOf(wantedAttributes);
    }

    public AccessRequest decided(Status s, String by, String why, String grant, Instant when) {
        return new AccessRequest(id, layer, requester, requesterDepartment, purpose, wantedAttributes, area, days, s, by,
                why, grant, createdAt, when);
    }
}
