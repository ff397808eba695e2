package org.tidemark.core.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's permission for a consumer to read (or edit) one layer, possibly narrowed to some
 * attributes, some rows (a CQL2 text filter) and an area (WKT polygon in lon/lat). Grants are never
 * deleted: revocation and expiry are recorded, so the audit trail can say who could see what, when.
 *
 * @param id         the grant id
 * @param layer      the layer name
 * @param grantee    a user or key id, or {@code dept:<code>} for a whole department
 * @param attributes visible attributes, or null for all
 * @param rowFilter  CQL2 text restricting rows, or null for all rows
 * @param area       WKT (lon/lat) polygon outside which nothing is visible, or null
 * @param write      whether the grantee may edit
 * @param expiresAt  expiry, or null
 * @param revokedAt  revocation time, or null
 * @param grantedBy  the steward who approved
 * @param createdAt  when it was granted
 */
public record Grant(String id, String layer, String grantee, Set<String> attributes, String rowFilter, String area,
                    boolean write, Instant expiresAt, Instant revokedAt, String grantedBy, Instant createdAt) {
    public Grant {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(grantee, "grantee");
        if (attributes != null) attributes = Set.copyOf(attributes);
    }

    /** Whether the grant is in force at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Whether the grant applies to this principal (by id or by department). */
    public boolean appliesTo(Principal p) {
        return grantee.equals(p.id()) || (p.department() != null && grantee.equals("dept:" + p.department()));
    }

    public Grant revoked(Instant when) {
        return new Grant(id, layer, grantee, attributes, rowFilter, area, write, expiresAt, when, grantedBy, createdAt);
    }
}
